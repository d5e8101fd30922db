import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import pg from "pg";
import { postgresAdminUrl } from "./stores.ts";

/** What the figures were measured on: they mean little without it. */
export async function describeMachine(): Promise<string[]> {
  const cpu = cpus();
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("show server_version");
  await client.end();
  const kernel = (() => {
    try {
      return execFileSync("uname", ["-sr"], { encoding: "utf8" }).trim();
    } catch {
      return process.platform;
    }
  })();
  return [
    `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB memory, ${kernel}`,
    `Node.js ${process.version}; PostgreSQL ${rows[0]?.server_version} (local server); PGlite in the measuring process`,
  ];
}
