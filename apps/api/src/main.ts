import cluster from "node:cluster";
import { createDb } from "@commitments/db";
import { serve } from "@hono/node-server";
import { loadEnv, publicOriginOf } from "./env.ts";
import { createLogger } from "./lib/logger.ts";
import { mailerFromSettings } from "./lib/notices/mailer.ts";
import { prepareDatabase } from "./prepare.ts";

const env = (() => {
  try {
    return loadEnv();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
})();
const logger = createLogger(env.LOG_LEVEL);
// The app's modules (most of a second of TypeScript under tsx) load while PGlite starts and the migrations run.
const appModule = import("./app.ts");

const database = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
// In a cluster (src/cluster.ts) the primary has prepared the database once, before starting its workers.
if (!cluster.isWorker) await prepareDatabase(database, env, logger);
const { createApp, createReadCache } = await appModule;
// With PORT=0 the port is known once the server listens; links name it from then on.
let listeningPort = env.PORT;
const app = createApp({
  publicOrigin: () => publicOriginOf(env, listeningPort),
  db: database.db,
  logger,
  webDistDir: env.WEB_DIST_DIR,
  trustProxy: env.TRUST_PROXY,
  limits: {
    perToken: { limit: env.TOKEN_REQUESTS_PER_MINUTE, windowSeconds: 60 },
    anonymousPerAddress: { limit: env.ANONYMOUS_REQUESTS_PER_MINUTE, windowSeconds: 60 },
  },
  maxImportBytes: env.IMPORT_MAX_BYTES,
  readCache: env.READ_CACHE_MB === 0 ? null : createReadCache({ maxBytes: env.READ_CACHE_MB * 2 ** 20 }),
  mailer: mailerFromSettings(env, logger),
});
// Slow clients: a connection that has not sent its headers, or its whole request, in time is answered 408 and
// closed, so clients that trickle bytes (slowloris) cannot hold connections for ever. Node checks every 30 s by
// default, which would let a timeout of a few seconds run half a minute: every second instead.
const serverOptions = {
  headersTimeout: env.HEADERS_TIMEOUT_SECONDS * 1000,
  requestTimeout: env.REQUEST_TIMEOUT_SECONDS * 1000,
  keepAliveTimeout: env.KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
  connectionsCheckingInterval: 1000,
};
const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT, serverOptions }, (info) => {
  listeningPort = info.port;
  const url = `http://${info.address === "::1" ? "localhost" : info.address}:${info.port}/`;
  logger.info({ url, api: `${url}v1/gradation`, openapi: `${url}openapi.json` }, "listening");
  process.stdout.write(`\nCommitments tracker is running at ${url}\n\n`);
});

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
