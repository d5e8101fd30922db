import { countChangeSets, loadDataset } from "@commitments/db";
import { type TestDatabase, type TestTarget, testTargets } from "@commitments/db/testing";
import { referenceDataset } from "@commitments/reference";
import { testClient } from "hono/testing";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../app.ts";

export { expectError, okJson } from "./expect-error.ts";
export { testTargets };

/** The write token of test apps. */
export const testWriteToken = "test-write-token-0123456789abcdef";
/** The header a test write carries. */
export const authorised = { authorization: `Bearer ${testWriteToken}` };

/** An app over a fresh database with the reference dataset loaded, for one describe block. */
export function useApp(target: TestTarget, options: { writeToken?: string | undefined } = {}) {
  const writeToken = "writeToken" in options ? options.writeToken : testWriteToken;
  const context = {} as {
    app: ReturnType<typeof createApp>;
    client: ReturnType<typeof testClient<ReturnType<typeof createApp>>>;
    database: TestDatabase;
    /** How many change sets the ledger holds: every write adds exactly one, every refusal none. */
    changeSets(): Promise<number>;
  };
  beforeAll(async () => {
    context.database = await target.open();
    await loadDataset(context.database.db, referenceDataset());
    context.app = createApp({ db: context.database.db, writeToken });
    context.client = testClient(context.app);
    context.changeSets = () => countChangeSets(context.database.db);
  });
  afterAll(async () => {
    await context.database?.dispose();
  });
  return context;
}

type App = ReturnType<typeof createApp>;

/** A write as a client sends it: JSON, with the test write token unless `headers` says otherwise. */
export function send(
  app: App,
  method: "POST" | "PATCH",
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: { ...authorised, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** The ETag a GET of the record answers with now. */
export async function etagOf(app: App, path: string): Promise<string> {
  const response = await app.request(path);
  const etag = response.headers.get("etag");
  if (response.status !== 200 || !etag)
    throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return etag;
}

/** A record's history as the API gives it. */
export async function historyOf(app: App, path: string) {
  const response = await app.request(`${path}/history`);
  if (response.status !== 200)
    throw new Error(`GET ${path}/history: ${response.status} ${await response.text()}`);
  return (
    (await response.json()) as {
      data: {
        versions: {
          version: number;
          action: string;
          actor: string;
          origin: string;
          reason: string | null;
          changeSet: number;
          changes: { field: string; before: unknown; after: unknown }[];
          record: Record<string, unknown>;
        }[];
        fields: Record<string, { value: unknown; version: number; recordedAt: string }[]>;
      };
    }
  ).data;
}
