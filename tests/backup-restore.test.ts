import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { throwAwayDatabase } from "@commitments/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer, storeTargets, useAdministeredStore } from "./server.ts";

/*
 * The README's backup and restore, as an operator would run them: records written through the API and corrected,
 * a backup taken with the documented commands, restored into a fresh store, a server started on that alone (the
 * original gone), and the records exports at fixed moments compared byte for byte.
 */

const run = promisify(execFile);

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

// One Host and one public origin for both servers: exports cite the deployment's public URL (PUBLIC_ORIGIN, never
// the request's Host), and a restored deployment answers at the same address.
const host = "tracker.example.org";
const publicOrigin = { PUBLIC_ORIGIN: `http://${host}` };

/** A GET with a fixed Host (fetch would send the server's own). */
function getAs(base: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { headers: { Host: host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe.each(storeTargets())("backup and restore on $name", (target) => {
  const ctx = useAdministeredStore(target, { LOG_LEVEL: "warn", ...publicOrigin });
  const scratch = mkdtempSync(join(tmpdir(), "ct-backup-"));
  let restoredDispose: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await ctx.server?.stop();
    ctx.server = undefined;
    await restoredDispose?.();
    rmSync(scratch, { recursive: true, force: true });
  });

  const sources = [{ title: "Backup test fixture, not a real figure", kind: "research" }];
  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(path, (ctx.server as RunningServer).url), {
      method,
      headers: { Authorization: `Bearer ${ctx.token}`, "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const expectStatus = async (response: Response, status: number) => {
    expect(response.status, await response.clone().text()).toBe(status);
    return response;
  };

  /** The records exports and a record's history at each moment: what must come back byte for byte. */
  const exportPaths = (moments: string[]) =>
    moments.flatMap((asOf) => [
      `/v1/exports/records.json?asOf=${encodeURIComponent(asOf)}`,
      `/v1/exports/records.csv?asOf=${encodeURIComponent(asOf)}`,
      `/v1/commitments/backup-a/history?asOf=${encodeURIComponent(asOf)}`,
    ]);

  it("restores a backup taken with the documented commands to byte-identical exports", async () => {
    // Records with a history: created, then corrected and partly retracted.
    for (const [id, amount] of [
      ["backup-a", "1000000"],
      ["backup-b", "2500000.50"],
      ["backup-c", "75000"],
    ] as const) {
      await expectStatus(
        await send("POST", "/v1/commitments", {
          id,
          donor: "NL",
          title: `${id}, as created`,
          category: "drones",
          measure: { kind: "money", amount, currency: "EUR" },
          sources,
          synthetic: true,
        }),
        201,
      );
    }
    const events: { id: string; etag: string }[] = [];
    for (const date of ["2025-01", "2025-04"]) {
      const created = await expectStatus(
        await send("POST", "/v1/events", {
          commitment: "backup-a",
          stage: "delivered",
          date,
          measure: { kind: "money", amount: "250000", currency: "EUR" },
          confidence: "reported_by_donor",
          sources,
          synthetic: true,
        }),
        201,
      );
      const { data } = (await created.json()) as { data: { id: string } };
      events.push({ id: data.id, etag: created.headers.get("etag") as string });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const created = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const current = await fetch(new URL("/v1/commitments/backup-a", (ctx.server as RunningServer).url));
    await expectStatus(
      await send(
        "PATCH",
        "/v1/commitments/backup-a",
        { set: { title: "backup-a, as corrected" }, reason: "backup test: a correction" },
        { "If-Match": current.headers.get("etag") as string },
      ),
      200,
    );
    const retracted = events[1] as { id: string; etag: string };
    await expectStatus(
      await send(
        "POST",
        `/v1/events/${retracted.id}/retract`,
        { reason: "backup test: a retraction" },
        { "If-Match": retracted.etag },
      ),
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const corrected = new Date().toISOString();

    const paths = exportPaths([created, corrected]);
    const take = async (base: string) => {
      const answers: Answer[] = [];
      for (const path of paths) answers.push(await getAs(base, path));
      return answers;
    };
    const before = await take((ctx.server as RunningServer).url);
    for (const [i, answer] of before.entries()) expect(answer.status, paths[i]).toBe(200);
    // The exports hold what was written, each moment its own version of it.
    expect(before[1]?.body).toContain("backup-a, as created");
    expect(before[4]?.body).toContain("backup-a, as corrected");
    expect(before[4]?.body).not.toContain("backup-a, as created");

    // Back up and restore exactly as the README says.
    let backupBytes: number;
    let restoredEnv: Record<string, string>;
    if (target.name === "pglite") {
      // The embedded store belongs to one process: stop the server, then archive its directory.
      await ctx.server?.stop();
      ctx.server = undefined;
      const dataDir = ctx.store.env.PGLITE_DATA_DIR as string;
      const archive = join(scratch, "pglite-backup.tar.gz");
      await run("tar", ["-C", dirname(dataDir), "-czf", archive, basename(dataDir)]);
      backupBytes = statSync(archive).size;
      rmSync(dataDir, { recursive: true, force: true });
      const restoredDir = join(scratch, "restored");
      await run("mkdir", ["-p", restoredDir]);
      await run("tar", ["-C", restoredDir, "-xzf", archive]);
      restoredEnv = { PGLITE_DATA_DIR: join(restoredDir, basename(dataDir)) };
    } else {
      // PostgreSQL dumps a consistent snapshot while the server runs; it is stopped only to drop the original.
      const databaseUrl = ctx.store.env.DATABASE_URL as string;
      const dump = join(scratch, "tracker.dump");
      await run("pg_dump", ["-Fc", "-f", dump, databaseUrl]);
      backupBytes = statSync(dump).size;
      const restored = await throwAwayDatabase(process.env.TEST_DATABASE_URL as string);
      restoredDispose = restored.drop;
      await run("pg_restore", ["--no-owner", "--exit-on-error", "-d", restored.url, dump]);
      await ctx.server?.stop();
      ctx.server = undefined;
      await ctx.store.dispose();
      restoredEnv = { DATABASE_URL: restored.url };
    }

    ctx.server = await startServer({ ...restoredEnv, LOG_LEVEL: "warn", ...publicOrigin });
    const after = await take(ctx.server.url);
    for (const [i, path] of paths.entries()) {
      expect(after[i]?.status, path).toBe(200);
      expect(after[i]?.body, path).toBe(before[i]?.body);
      for (const header of ["x-dataset-version", "x-as-of", "x-citation"])
        expect(after[i]?.headers[header], `${path} ${header}`).toBe(before[i]?.headers[header]);
    }
    // The restored store takes writes on from where the backup left it (ids and sequences included).
    await expectStatus(
      await send("POST", "/v1/commitments", {
        id: "backup-d",
        donor: "NL",
        title: "backup-d, written after the restore",
        category: "drones",
        measure: { kind: "money", amount: "1", currency: "EUR" },
        sources,
        synthetic: true,
      }),
      201,
    );
    const history = (await (
      await fetch(new URL("/v1/commitments/backup-a/history", ctx.server.url))
    ).json()) as {
      data: { versions: unknown[] };
    };
    expect(history.data.versions).toHaveLength(2);
    const bytes = before.reduce((sum, answer) => sum + Buffer.byteLength(answer.body), 0);
    console.log(
      `backup and restore (${target.name}): ${paths.length} answers at 2 moments (records.json, records.csv, a history; ${bytes} bytes) byte-identical after restoring a ${Math.round(backupBytes / 1024)} KiB ${target.name === "pglite" ? "tar.gz of the stopped store" : "pg_dump -Fc"} into a fresh ${target.name === "pglite" ? "directory" : "database"}`,
    );
  }, 180_000);
});
