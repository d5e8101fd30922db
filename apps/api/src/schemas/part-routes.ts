import { Slug } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../lib/openapi.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../lib/representation.ts";
import { CommitmentFilters, DraftsQuery } from "./records.ts";

/**
 * The two public reads of a part of commitments (its tranches, its stage events): a list filtered like the
 * commitments it belongs to, paged in id order, and one by id; both at a moment (asOf), drafts for those allowed.
 * Only the nouns, the view and a resource's own filters differ.
 */
export function partReadRoutes<
  Path extends `/v1/${string}`,
  View extends z.ZodType,
  Filters extends z.ZodRawShape,
>({
  path,
  tag,
  noun,
  plural,
  summary,
  summaryOfOne,
  view,
  filters,
}: {
  path: Path;
  tag: string;
  noun: string;
  plural: string;
  summary: string;
  summaryOfOne: string;
  view: View;
  filters: Filters;
}) {
  const list = createRoute({
    method: "get",
    path,
    tags: [tag],
    summary,
    request: {
      query: z
        .object({
          commitment: Slug.optional().openapi({ description: `${tag} of this commitment.` }),
          ...CommitmentFilters,
          ...filters,
          ...DraftsQuery,
          ...AsOfQuery,
          ...PageQuery,
        })
        .strict(),
    },
    responses: {
      200: json(
        z.object({ data: z.array(view), page: PageInfo, meta: ReadMeta }),
        `The matching ${plural}, in id order.`,
      ),
      ...errorResponses,
    },
  });
  const get = createRoute({
    method: "get",
    path: `${path}/{id}` as const,
    tags: [tag],
    summary: summaryOfOne,
    request: { params: z.object({ id: Slug }), query: z.object({ ...AsOfQuery, ...DraftsQuery }).strict() },
    responses: {
      200: json(z.object({ data: view, meta: ReadMeta }), `The ${noun}.`),
      ...notFoundResponse,
      ...errorResponses,
    },
  });
  return { list, get };
}
