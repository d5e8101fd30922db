import { type DbHandle, loadDataset } from "@commitments/db";
import { referenceDataset } from "@commitments/reference";
import { createDemoAccounts } from "./demo.ts";
import type { Env } from "./env.ts";
import type { Logger } from "./lib/logger.ts";
import { loadStarterData } from "./starter-data.ts";

/**
 * What a start does to the database before serving: the migrations, the reference dataset (once per version), the
 * starter dataset when asked, the demo accounts when asked. Once per start: by the server itself, or in a cluster
 * by the primary before its workers start, so they never race each other through it.
 */
export async function prepareDatabase(database: DbHandle, env: Env, logger: Logger): Promise<void> {
  await database.migrate();
  const reference = await loadDataset(database.db, referenceDataset());
  // The public record from the first start: on the embedded store unless told otherwise, on PostgreSQL on request.
  const starter =
    env.STARTER_DATA === "true" || (env.STARTER_DATA === "auto" && database.kind !== "postgres")
      ? await loadStarterData(database.db, logger)
      : null;
  logger.info(
    {
      database: database.kind === "postgres" ? "postgresql" : `pglite at ${env.PGLITE_DATA_DIR}`,
      referenceDataset: reference.version,
      loadedNow: reference.loaded,
      starterDataset: starter?.version ?? "not loaded",
      starterLoadedNow: starter?.loaded ?? false,
    },
    "database ready",
  );

  if (env.DEMO_ACCOUNTS && env.DEMO_PASSWORD) {
    // Only the addresses are logged; the password is the one the operator chose and never leaves their hands.
    const created = await createDemoAccounts(database.db, env.DEMO_PASSWORD);
    logger.info({ created, password: "DEMO_PASSWORD" }, "demo accounts (marked DEMO) ready");
  }
}
