import { Annotation, RecordRef, remarkTargetKinds, Slug } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { writeSecurity } from "../../lib/auth/schemes.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json } from "../../lib/openapi.ts";
import { AnnotationView } from "../../lib/remarks.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";

export const listAnnotations = createRoute({
  method: "get",
  path: "/v1/annotations",
  tags: ["Annotations"],
  summary: "Analysts' notes on records",
  request: {
    query: z
      .object({
        targetKind: z.enum(remarkTargetKinds).optional(),
        targetId: Slug.optional(),
        ...AsOfQuery,
        ...PageQuery,
      })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ data: z.array(AnnotationView), page: PageInfo, meta: ReadMeta }),
      "Annotations, in id order.",
    ),
    ...errorResponses,
  },
});

export const AnnotationCreate = z
  .object({
    id: Slug.optional(),
    target: RecordRef,
    text: Annotation.shape.text,
    sources: Annotation.shape.sources,
  })
  .strict()
  .openapi("AnnotationCreate");

export const createAnnotation = createRoute({
  method: "post",
  path: "/v1/annotations",
  tags: ["Annotations"],
  summary: "Annotate a published record (NGO analysts)",
  security: writeSecurity,
  middleware: [requireSignIn] as const,
  request: { body: { ...json(AnnotationCreate, "The note."), required: true } },
  responses: {
    201: json(z.object({ data: AnnotationView, meta: ReadMeta }), "The annotation."),
    401: json(ErrorBody, "Not signed in, or the API token is unknown, expired or revoked."),
    403: json(ErrorBody, "Only NGO analysts annotate."),
    409: json(ErrorBody, "The record is not published."),
    422: json(ErrorBody, "The record does not exist."),
    ...errorResponses,
  },
});
