import { createClient } from "@commitments/api/client";
import { queryOptions } from "@tanstack/react-query";

/** The API is served from the same origin as the app (the dev server proxies it). */
export const client = createClient(window.location.origin);

/** An error carrying the API's own message from its error contract. */
async function apiError(response: Response | { status: number; json(): Promise<unknown> }): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  return new Error(body.error?.message ?? `The API answered ${response.status}`);
}

export const gradationQuery = queryOptions({
  queryKey: ["gradation"],
  queryFn: async () => {
    const response = await client.v1.gradation.$get();
    if (!response.ok) throw await apiError(response);
    return (await response.json()).data;
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export const agreementsQuery = queryOptions({
  queryKey: ["agreements"],
  queryFn: async () => {
    const response = await client.v1.agreements.$get({ query: { limit: "200" } });
    if (!response.ok) throw await apiError(response);
    return (await response.json()).data;
  },
});

export const partiesQuery = queryOptions({
  queryKey: ["parties"],
  queryFn: async () => {
    // Every party, page by page: names for the guarantors and beneficiaries on screen.
    const all = [];
    let cursor: string | undefined;
    do {
      const response = await client.v1.parties.$get({
        query: { limit: "200", ...(cursor ? { cursor } : {}) },
      });
      if (!response.ok) throw await apiError(response);
      const body = await response.json();
      all.push(...body.data);
      cursor = body.page.next ?? undefined;
    } while (cursor);
    return all;
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export const categoriesQuery = queryOptions({
  queryKey: ["categories"],
  queryFn: async () => {
    const response = await client.v1.categories.$get();
    if (!response.ok) throw await apiError(response);
    return (await response.json()).data;
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export const commitmentsQuery = queryOptions({
  queryKey: ["commitments"],
  queryFn: async () => {
    // Every commitment, page by page. Later pages are read as of the first page's moment, so a change recorded
    // while paging cannot shift the list, and the one citation (meta) is true of all of it.
    const items = [];
    let cursor: string | undefined;
    let meta: { datasetVersion: number; asOf: string } | undefined;
    do {
      const response = await client.v1.commitments.$get({
        query: { limit: "200", ...(cursor ? { cursor } : {}), ...(meta ? { asOf: meta.asOf } : {}) },
      });
      if (!response.ok) throw await apiError(response);
      const body = await response.json();
      items.push(...body.data);
      meta ??= body.meta;
      cursor = body.page.next ?? undefined;
    } while (cursor);
    return { items, meta: meta as NonNullable<typeof meta> };
  },
});

/** One commitment with its schedule and stage events, and the dataset version they were read from. */
export const commitmentQuery = (id: string) =>
  queryOptions({
    queryKey: ["commitment", id],
    queryFn: async () => {
      const response = await client.v1.commitments[":id"].$get({ param: { id }, query: {} });
      if (!response.ok) throw await apiError(response);
      return await response.json();
    },
  });

/**
 * How much of one commitment was delivered, computed by the API (never here, so every reader gets the same
 * figures). Read as of the same moment as the commitment on screen, so one citation covers both.
 */
export const fulfilmentQuery = (id: string, asOf: string) =>
  queryOptions({
    queryKey: ["fulfilment", id, asOf],
    queryFn: async () => {
      const response = await client.v1.commitments[":id"].fulfilment.$get({ param: { id }, query: { asOf } });
      if (!response.ok) throw await apiError(response);
      return await response.json();
    },
  });

type QueryData<Q> = Q extends { queryFn?: infer F }
  ? Awaited<ReturnType<Extract<F, (...args: never[]) => unknown>>>
  : never;
export type Gradation = QueryData<typeof gradationQuery>;
export type AgreementView = QueryData<typeof agreementsQuery>[number];
export type Party = QueryData<typeof partiesQuery>[number];
export type CommitmentView = QueryData<typeof commitmentsQuery>["items"][number];
export type CommitmentDetail = QueryData<ReturnType<typeof commitmentQuery>>;
export type ReadMeta = CommitmentDetail["meta"];
export type FulfilmentView = QueryData<ReturnType<typeof fulfilmentQuery>>;
