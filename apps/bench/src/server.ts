/**
 * The API as the benchmark serves it, in a process of its own (so the load generator's event loop is not the
 * server's): the production app over the store the environment names, and, beside it in the same process and
 * through the same HTTP adapter, a bare Hono route at /bench/bare — the benchmark's own, not the product's. Public
 * answers are kept as in production, or not at all with BENCH_READ_CACHE=off; anonymous requests are counted
 * against their address's rate limit as in production. With BENCH_IMPORTER=on, an administrator's API token is
 * made for the benchmark's uploads and printed first ("token <token>").
 * Prints "listening <port>" when ready.
 */

import { createApp } from "@commitments/api";
import { createApiToken, createDb, createOrganisation, createUser } from "@commitments/db";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const database = await createDb({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.PGLITE_DATA_DIR || undefined,
});
// BENCH_READ_CACHE=off: every answer computed, for the uncached figures (a cache must not hide their shortfall).
const app = createApp({
  db: database.db,
  webDistDir: process.env.WEB_DIST_DIR || undefined,
  readCache: process.env.BENCH_READ_CACHE === "off" ? null : undefined,
  // Every request counted against its address as in production (one write a request), under a limit the load
  // generator's one address never reaches.
  limits: { anonymousPerAddress: { limit: 1_000_000, windowSeconds: 60 } },
});
if (process.env.BENCH_IMPORTER === "on") {
  const organisation = await createOrganisation(database.db, { kind: "maintainers", name: "Benchmark" });
  const user = await createUser(database.db, {
    organisationId: organisation.id,
    email: "bench@example.org",
    name: "Benchmark",
    password: crypto.randomUUID(),
    roles: ["administrator"],
  });
  const { token } = await createApiToken(database.db, {
    organisationId: organisation.id,
    name: "benchmark uploads",
    scopes: ["read", "write"],
    createdBy: user.id,
  });
  process.stdout.write(`token ${token}\n`);
}
const bare = new Hono();
bare.get("/bench/bare", (c) => c.json({ status: "ok" }));
const server = serve(
  {
    // The adapter's bindings (the socket) pass through, so the app sees each client's address as in production.
    fetch: (request, bindings) =>
      request.url.endsWith("/bench/bare") ? bare.fetch(request, bindings) : app.fetch(request, bindings),
    hostname: "127.0.0.1",
    port: 0,
  },
  (info) => process.stdout.write(`listening ${info.port}\n`),
);
process.on("SIGTERM", async () => {
  server.close();
  await database.close();
  process.exit(0);
});
