import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../api.ts";
import { remarkReason, versionOrigin } from "./history-words.ts";

/** The kinds of ledger record a commitment's page shows, each with its own history. */
export type HistoryKind = "commitment" | "tranche" | "event";

async function historyResponse(kind: HistoryKind, id: string) {
  switch (kind) {
    case "commitment":
      return client.v1.commitments[":id"].history.$get({ param: { id } });
    case "tranche":
      return client.v1.tranches[":id"].history.$get({ param: { id } });
    case "event":
      return client.v1.events[":id"].history.$get({ param: { id } });
  }
}

/**
 * Every version of one record and of the remarks on it (GET /v1/{kind}s/{id}/history), without the full record
 * of each version: the page shows who changed what, when and why, field by field, in its reader's words (see
 * `versionOrigin` and `remarkReason`).
 */
export const historyQuery = (kind: HistoryKind, id: string) =>
  queryOptions({
    queryKey: ["history", kind, id],
    queryFn: async () => {
      const response = await historyResponse(kind, id);
      const { data } = await unwrap(response);
      return {
        versions: data.versions.map(({ record: _, ...version }) => ({
          ...version,
          ...versionOrigin(version, data),
        })),
        remarks: data.remarks.map(({ record, ...remark }) => ({ ...remark, reason: remarkReason(record) })),
      };
    },
  });

/** What a commitment's page reads and its remarks change: refreshed after a dispute, a note or a withdrawal. */
export const remarkedQueryKeys = (commitmentId: string) => [
  ["commitment", commitmentId],
  ["history"],
  ["fulfilment"],
  ["watch"],
];
