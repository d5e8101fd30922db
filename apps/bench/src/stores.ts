import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { throwAwayDatabase } from "@commitments/db/testing";

/** A fresh, empty store of one kind, as the API and its scripts are pointed at one: by environment. */
export interface Store {
  env: Record<string, string>;
  /** Where a bare client connects: a PGlite directory or a PostgreSQL URL. */
  dataDir?: string;
  url?: string;
  dispose(): Promise<void>;
}

export type StoreKind = "pglite" | "postgres";

export const storeLabels: Record<StoreKind, string> = { pglite: "PGlite", postgres: "PostgreSQL" };

/** PostgreSQL for the benchmark: BENCH_DATABASE_URL names a database the runs create theirs beside. */
export const postgresAdminUrl =
  process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export async function freshStore(kind: StoreKind): Promise<Store> {
  if (kind === "pglite") {
    const dataDir = mkdtempSync(join(tmpdir(), "ct-bench-"));
    return {
      env: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" },
      dataDir,
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const database = await throwAwayDatabase(postgresAdminUrl);
  return { env: { DATABASE_URL: database.url }, url: database.url, dispose: database.drop };
}
