import { createClient } from "@commitments/api/client";
import { type QueryClient, queryOptions } from "@tanstack/react-query";

/** The API is served from the same origin as the app (the dev server proxies it). */
export const client = createClient(window.location.origin);

/** One problem the API found, and where: `path` names the field ("password", "name"). */
export interface ProblemDetail {
  location: string;
  path: string;
  message: string;
}

/** What the API's error contract says beside the message: its stable code and the request's id, for support. */
export interface ProblemExtras {
  code?: string | undefined;
  requestId?: string | undefined;
  /** Seconds to wait before trying again, from Retry-After (a 429 or 503 says it). */
  retryAfter?: number | undefined;
}

/** An error carrying the API's own message, status, code and field details from its error contract. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly details: ProblemDetail[];
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(status: number, message: string, details: ProblemDetail[] = [], extras: ProblemExtras = {}) {
    super(message);
    this.status = status;
    this.details = details;
    this.code = extras.code;
    this.requestId = extras.requestId;
    this.retryAfter = extras.retryAfter;
  }

  /** The API's message about one field of the request body, if it named that field. */
  fieldMessage(path: string): string | undefined {
    return this.details.find((d) => d.location === "json" && d.path === path)?.message;
  }
}

/** Retry-After in seconds: a number of seconds, or an HTTP date from now. */
export function secondsOf(retryAfter: string | null | undefined, now = Date.now()): number | undefined {
  if (!retryAfter) return undefined;
  if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim());
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export async function apiError(
  response:
    | Response
    | { status: number; json(): Promise<unknown>; headers?: { get(name: string): string | null } },
): Promise<ApiProblem> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string; details?: ProblemDetail[]; requestId?: string };
  };
  return new ApiProblem(
    response.status,
    body.error?.message ?? `The API answered ${response.status}`,
    body.error?.details,
    {
      code: body.error?.code,
      requestId: body.error?.requestId,
      retryAfter: secondsOf(response.headers?.get("Retry-After")),
    },
  );
}

/** Checks the API accepted a request whose answer's body is not needed; a refusal becomes its ApiProblem. */
export async function accepted(response: {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}): Promise<void> {
  if (!response.ok) throw await apiError(response);
}

/** The JSON of an answer the API accepted; a refusal becomes the ApiProblem its error contract states. */
export async function unwrap<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  response: R,
): Promise<Awaited<ReturnType<Extract<R, { ok: true }>["json"]>>> {
  await accepted(response);
  return (await response.json()) as Awaited<ReturnType<Extract<R, { ok: true }>["json"]>>;
}

export const gradationQuery = queryOptions({
  queryKey: ["gradation"],
  queryFn: async () => {
    const response = await client.v1.gradation.$get();
    return (await unwrap(response)).data;
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export const agreementsQuery = queryOptions({
  queryKey: ["agreements"],
  queryFn: async () => {
    const response = await client.v1.agreements.$get({ query: { limit: "200" } });
    return (await unwrap(response)).data;
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
      const body = await unwrap(response);
      all.push(...body.data);
      cursor = body.page.next ?? undefined;
    } while (cursor);
    return all;
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
      const body = await unwrap(response);
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
      return await unwrap(response);
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
      return await unwrap(response);
    },
  });

/** The data dictionary: every export, its formats and every column it has. */
export const dictionaryQuery = queryOptions({
  queryKey: ["dictionary"],
  queryFn: async () => {
    const response = await client.v1.exports.dictionary.$get();
    return (await unwrap(response)).data;
  },
  staleTime: Number.POSITIVE_INFINITY,
});

/**
 * Who is signed in, or null for the public. The browser sends the HttpOnly session cookie itself; the answer
 * carries the CSRF token every write made with that cookie must send back (see `csrfHeaders`).
 */
export const sessionQuery = queryOptions({
  queryKey: ["session"],
  queryFn: async () => {
    const response = await client.v1.session.$get();
    return (await unwrap(response)).data;
  },
  staleTime: 60_000,
});

/** The headers of a write made with the session cookie: the API refuses such a write without its CSRF token. */
export function csrfHeaders(session: { csrfToken: string | null }): { headers: Record<string, string> } {
  return { headers: session.csrfToken ? { "X-CSRF-Token": session.csrfToken } : {} };
}

/** A write refused for want of a session means the session ended elsewhere: ask the API who is signed in now. */
export function refreshSessionOn401(queryClient: QueryClient, error: Error) {
  if (error instanceof ApiProblem && error.status === 401)
    void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
}

/** The signed-in organisation's API tokens, revoked ones included; never the tokens themselves. */
export const tokensQuery = queryOptions({
  queryKey: ["tokens"],
  queryFn: async () => {
    const response = await client.v1.tokens.$get();
    return (await unwrap(response)).data;
  },
});

export type QueryData<Q> = Q extends { queryFn?: infer F }
  ? Awaited<ReturnType<Extract<F, (...args: never[]) => unknown>>>
  : never;
export type Gradation = QueryData<typeof gradationQuery>;
export type AgreementView = QueryData<typeof agreementsQuery>[number];
export type Party = QueryData<typeof partiesQuery>[number];
export type CommitmentView = QueryData<typeof commitmentsQuery>["items"][number];
export type CommitmentDetail = QueryData<ReturnType<typeof commitmentQuery>>;
export type ReadMeta = CommitmentDetail["meta"];
export type FulfilmentView = QueryData<ReturnType<typeof fulfilmentQuery>>;
export type Session = NonNullable<QueryData<typeof sessionQuery>>;
export type ApiToken = QueryData<typeof tokensQuery>[number];
export type DataDictionary = QueryData<typeof dictionaryQuery>;
