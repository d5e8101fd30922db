import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { createDb } from "@commitments/db";
import { loadEnv } from "./env.ts";
import { createLogger } from "./lib/logger.ts";
import { prepareDatabase } from "./prepare.ts";

/*
 * Several API processes behind one port, one per core by default (WORKERS): Node's cluster, whose primary accepts
 * the connections and hands them to its workers in turn. Each worker is the ordinary server (main.ts). What they
 * share lives in the database: the dataset version every cached answer is keyed by (a write through any worker
 * moves every worker's keys), rate limits, sessions. So PostgreSQL only: PGlite is an embedded database that one
 * process owns.
 */

const env = (() => {
  try {
    return loadEnv();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
})();
if (!env.DATABASE_URL) {
  process.stderr.write(
    "Several API processes need one database they can all reach: set DATABASE_URL to a PostgreSQL database. " +
      "The embedded PGlite store belongs to a single process: without DATABASE_URL, start one server (npm start).\n",
  );
  process.exit(1);
}
const logger = createLogger(env.LOG_LEVEL);
const workers = env.WORKERS ?? availableParallelism();

// Migrations and the datasets once, here, before any worker starts: workers never race each other through them.
const database = await createDb({ databaseUrl: env.DATABASE_URL });
await prepareDatabase(database, env, logger);
await database.close();

cluster.setupPrimary({ exec: fileURLToPath(new URL("./main.ts", import.meta.url)) });
const listening = new Set<Worker>();
let stopping = false;

cluster.on("listening", (worker, address) => {
  listening.add(worker);
  if (listening.size === workers) {
    logger.info({ workers, port: address.port }, "cluster listening");
    process.stdout.write(`\n${workers} API processes are serving port ${address.port}\n\n`);
  }
});
cluster.on("exit", (worker, code, signal) => {
  const served = listening.delete(worker);
  if (stopping) return;
  // A worker that never listened failed at start (its own message says why): starting it again would fail again.
  if (!served) {
    logger.error({ code, signal }, "an API process failed to start; stopping the cluster");
    void shutdown("worker failed", 1);
    return;
  }
  logger.warn({ pid: worker.process.pid, code, signal }, "an API process stopped; starting another");
  cluster.fork();
});
for (let i = 0; i < workers; i++) cluster.fork();

async function shutdown(reason: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  logger.info({ reason }, "stopping the API processes");
  const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  if (running.length === 0) process.exit(exitCode);
  await Promise.all(
    running.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once("exit", () => resolve());
          worker.process.kill("SIGTERM");
        }),
    ),
  );
  process.exit(exitCode);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
