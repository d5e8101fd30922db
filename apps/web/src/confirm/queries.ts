import { queryOptions } from "@tanstack/react-query";
import { client, type QueryData, unwrap } from "../api.ts";
import { oldestFirst } from "./order.ts";

/** The key of every list of deliveries to confirm: refreshed whenever a confirmation is recorded. */
export const toConfirmKey = ["to-confirm"] as const;

/**
 * The published deliveries to a recipient country that still wait for its confirmation of receipt (the API's
 * `confirmed=false`) that donors' ministries reported in the tracker, every page, the oldest first: the verifiers'
 * queue (the header counts them through GET /v1/waiting).
 */
export const toConfirmQuery = (recipient: string) =>
  queryOptions({
    queryKey: [...toConfirmKey, recipient],
    queryFn: async () => {
      const items = [];
      let cursor: string | undefined;
      let asOf: string | undefined;
      do {
        const response = await client.v1.events.$get({
          query: {
            recipient,
            stage: "delivered",
            confirmed: "false",
            // The ministries' reports: a publisher's dataset would fill the queue (see the API's GET /v1/waiting).
            source: "tracker",
            limit: "200",
            ...(cursor ? { cursor } : {}),
            ...(asOf ? { asOf } : {}),
          },
        });
        const body = await unwrap(response);
        items.push(...body.data);
        // Later pages as of the first page's moment, so a confirmation made meanwhile cannot shift the list.
        asOf ??= body.meta.asOf;
        cursor = body.page.next ?? undefined;
      } while (cursor);
      return oldestFirst(items);
    },
  });

export type DeliveryToConfirm = QueryData<ReturnType<typeof toConfirmQuery>>[number];
