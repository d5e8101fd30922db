import type { WorkflowStatus } from "@commitments/core/access";
import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { accepted, client, csrfHeaders, type Session, unwrap } from "../api.ts";
import { type RecordKind, type RecordState, type Saved, savedOf, type WriteAnswer } from "./saved.ts";

export type { RecordKind, Saved } from "./saved.ts";
export const recordKinds: readonly RecordKind[] = ["commitment", "tranche", "event"];

export type CommitmentRead = InferResponseType<typeof client.v1.commitments.$get, 200>["data"][number];
export type TrancheRead = InferResponseType<typeof client.v1.tranches.$get, 200>["data"][number];
export type EventRead = InferResponseType<typeof client.v1.events.$get, 200>["data"][number];

/** Every query of the workspace starts with this key, so one invalidation refreshes all it shows. */
export const workspaceKey = ["workspace"] as const;

/** Reads every page of a list: `read` asks for the page after `cursor`. */
async function allPages<T>(
  read: (cursor: string | undefined) => Promise<{ data: T[]; page: { next: string | null } }>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    all.push(...page.data);
    cursor = page.page.next ?? undefined;
  } while (cursor);
  return all;
}

/**
 * The ministry's country's records, its drafts included (`drafts=include`: the API shows a ministry its own
 * donor's drafts and no one else's). Published commitments are needed too: tranches and events hang on them.
 */
export const donorRecordsQuery = (party: string) =>
  queryOptions({
    queryKey: [...workspaceKey, "records", party],
    queryFn: async () => {
      const base = { donor: party, drafts: "include" as const, limit: "200" };
      const page = (cursor: string | undefined) => ({ query: { ...base, ...(cursor ? { cursor } : {}) } });
      const [commitments, tranches, events] = await Promise.all([
        allPages(async (cursor) => {
          const response = await client.v1.commitments.$get(page(cursor));
          return await unwrap(response);
        }),
        allPages(async (cursor) => {
          const response = await client.v1.tranches.$get(page(cursor));
          return await unwrap(response);
        }),
        allPages(async (cursor) => {
          const response = await client.v1.events.$get(page(cursor));
          return await unwrap(response);
        }),
      ]);
      return { commitments, tranches, events };
    },
  });
export type DonorRecords = Awaited<ReturnType<NonNullable<ReturnType<typeof donorRecordsQuery>["queryFn"]>>>;

/** One version in a record's history: who changed it, when, in which change set. */
export interface VersionEntry {
  version: number;
  action: string;
  actor: string;
  recordedAt: string;
  changeSet: number;
  /** Why: an approver's reason for returning a draft, an editor's for a correction. */
  reason: string | null;
}

/** A record's history, for who made its last change and the change sets (an import's, say) it was written in. */
export const historyQuery = (kind: RecordKind, id: string) =>
  queryOptions({
    queryKey: [...workspaceKey, "history", kind, id],
    queryFn: async (): Promise<VersionEntry[]> => {
      const param = { param: { id } };
      const response =
        kind === "commitment"
          ? await client.v1.commitments[":id"].history.$get(param)
          : kind === "tranche"
            ? await client.v1.tranches[":id"].history.$get(param)
            : await client.v1.events[":id"].history.$get(param);
      return (await unwrap(response)).data.versions;
    },
  });

// The record an edit starts from, with its version: the PATCH sends it back as If-Match. Not refetched behind the
// person's back: the form keeps the version it was filled from, and a stale one is answered 412.
// Dropped as soon as the form closes (gcTime 0), so the next edit starts from what the API holds then.
const editRead = { refetchOnWindowFocus: false, staleTime: 0, gcTime: 0 } as const;

export const commitmentToEditQuery = (id: string) =>
  queryOptions({
    ...editRead,
    queryKey: [...workspaceKey, "edit", "commitment", id],
    queryFn: async () => {
      const response = await client.v1.commitments[":id"].$get({
        param: { id },
        query: { drafts: "include" },
      });
      return (await unwrap(response)).data.commitment;
    },
  });

export const trancheToEditQuery = (id: string) =>
  queryOptions({
    ...editRead,
    queryKey: [...workspaceKey, "edit", "tranche", id],
    queryFn: async () => {
      const response = await client.v1.tranches[":id"].$get({ param: { id }, query: { drafts: "include" } });
      return (await unwrap(response)).data;
    },
  });

export const eventToEditQuery = (id: string) =>
  queryOptions({
    ...editRead,
    queryKey: [...workspaceKey, "edit", "event", id],
    queryFn: async () => {
      const response = await client.v1.events[":id"].$get({ param: { id }, query: { drafts: "include" } });
      return (await unwrap(response)).data;
    },
  });

/**
 * What a form's write answered, as `Saved` (see `savedOf`). A refusal throws the API's problem. The body's shape is
 * the write routes' contract, which the typed client cannot narrow by status here, hence the one cast.
 */
export async function savedFrom(
  kind: RecordKind,
  existing: RecordState | undefined,
  response: { ok: boolean; status: number; json(): Promise<unknown> },
): Promise<Saved> {
  const { data } = (await unwrap(response)) as { data: WriteAnswer };
  return savedOf(kind, response.status, existing, data);
}

const ifMatch = (version: number) => ({ "if-match": `"${version}"` });

/**
 * Moves one record along draft → submitted → published (or back to draft), based on the version the person saw:
 * a record changed since is refused (412) rather than acted on unseen.
 */
export async function moveRecord(
  session: Session,
  kind: RecordKind,
  id: string,
  version: number,
  status: WorkflowStatus,
  reason?: string,
): Promise<void> {
  const args = { param: { id }, header: ifMatch(version), json: { status, ...(reason ? { reason } : {}) } };
  const response =
    kind === "commitment"
      ? await client.v1.commitments[":id"].status.$post(args, csrfHeaders(session))
      : kind === "tranche"
        ? await client.v1.tranches[":id"].status.$post(args, csrfHeaders(session))
        : await client.v1.events[":id"].status.$post(args, csrfHeaders(session));
  await accepted(response);
}

export { ifMatch };
