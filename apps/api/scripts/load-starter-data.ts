/**
 * Loads the starter dataset (the ECB's reference rates, Kiel's Ukraine Support Tracker Release 29, SIPRI's deals
 * with Ukraine) into the database DATABASE_URL or PGLITE_DATA_DIR names, through the import pipeline, once per
 * version: the embedded store gets it at its first start; PostgreSQL when an operator runs this.
 *
 *   DATABASE_URL=postgres://… tsx scripts/load-starter-data.ts
 */
import { createDb, loadDataset } from "@commitments/db";
import { referenceDataset } from "@commitments/reference";
import { loadEnv } from "../src/env.ts";
import { createLogger } from "../src/lib/logger.ts";
import { loadStarterData } from "../src/starter-data.ts";

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
const handle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
try {
  await handle.migrate();
  await loadDataset(handle.db, referenceDataset());
  const started = performance.now();
  const { version, loaded } = await loadStarterData(handle.db, logger);
  process.stderr.write(
    `starter dataset ${version}: ${loaded ? "loaded" : "already loaded"} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
