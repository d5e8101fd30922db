import type { CategoryId } from "@commitments/core";
import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { client, unwrap } from "../api.ts";

export type FulfilmentRow = InferResponseType<typeof client.v1.fulfilment.$get, 200>["data"][number];

/**
 * The fulfilment table (GET /v1/fulfilment), every page, for one donor and category or all. Later pages are read
 * as of the first page's moment, so the table is one reading of the ledger with one citation (meta).
 */
export const fulfilmentTableQuery = (filters: { donor: string | null; category: string | null }) =>
  queryOptions({
    queryKey: ["watch", "fulfilment", filters.donor, filters.category],
    queryFn: async () => {
      const rows: FulfilmentRow[] = [];
      let cursor: string | undefined;
      let meta: { datasetVersion: number; asOf: string } | undefined;
      do {
        const response = await client.v1.fulfilment.$get({
          query: {
            limit: "200",
            ...(filters.donor ? { donor: filters.donor } : {}),
            // From the URL, so any text: the API checks it, and an unknown category is its 400, shown as such.
            ...(filters.category ? { category: filters.category as CategoryId } : {}),
            ...(cursor ? { cursor } : {}),
            ...(meta ? { asOf: meta.asOf } : {}),
          },
        });
        const body = await unwrap(response);
        rows.push(...body.data);
        meta ??= body.meta;
        cursor = body.page.next ?? undefined;
      } while (cursor);
      return { rows, meta: meta as NonNullable<typeof meta> };
    },
    // A new filter keeps the previous list on screen until the new one arrives, rather than an empty page.
    placeholderData: (previous) => previous,
  });

/**
 * The commitments with an open dispute against them or against one of their tranches or events: the fulfilment
 * table carries no flags, so they are found from the open disputes (GET /v1/disputes?status=open) and the record
 * each one names.
 */
export const disputedCommitmentsQuery = queryOptions({
  queryKey: ["watch", "disputed"],
  queryFn: async () => {
    const targets: { kind: string; id: string }[] = [];
    let cursor: string | undefined;
    do {
      const response = await client.v1.disputes.$get({
        query: { status: "open", limit: "200", ...(cursor ? { cursor } : {}) },
      });
      const body = await unwrap(response);
      targets.push(...body.data.map((d) => d.target));
      cursor = body.page.next ?? undefined;
    } while (cursor);
    const commitments = await Promise.all(
      targets.map(async (target): Promise<string | null> => {
        if (target.kind === "commitment") return target.id;
        if (target.kind === "event") {
          const response = await client.v1.events[":id"].$get({ param: { id: target.id }, query: {} });
          return response.ok ? (await response.json()).data.commitment : null;
        }
        if (target.kind === "tranche") {
          const response = await client.v1.tranches[":id"].$get({ param: { id: target.id }, query: {} });
          return response.ok ? (await response.json()).data.commitment : null;
        }
        // Disputes of agreements and provisions speak of no one commitment.
        return null;
      }),
    );
    return [...new Set(commitments.filter((id): id is string => id !== null))];
  },
});
