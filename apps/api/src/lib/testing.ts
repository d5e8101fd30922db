import { loadDataset } from "@commitments/db";
import { type TestDatabase, type TestTarget, testTargets } from "@commitments/db/testing";
import { referenceDataset } from "@commitments/reference";
import { testClient } from "hono/testing";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../app.ts";

export { expectError, okJson } from "./expect-error.ts";
export { testTargets };

/** An app over a fresh database with the reference dataset loaded, for one describe block. */
export function useApp(target: TestTarget) {
  const context = {} as {
    app: ReturnType<typeof createApp>;
    client: ReturnType<typeof testClient<ReturnType<typeof createApp>>>;
    database: TestDatabase;
  };
  beforeAll(async () => {
    context.database = await target.open();
    await loadDataset(context.database.db, referenceDataset());
    context.app = createApp({ db: context.database.db });
    context.client = testClient(context.app);
  });
  afterAll(async () => {
    await context.database?.dispose();
  });
  return context;
}
