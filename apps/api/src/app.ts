import { existsSync } from "node:fs";
import type { Db } from "@commitments/db";
import { serveStatic } from "@hono/node-server/serve-static";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { identify } from "./lib/auth/identify.ts";
import { clientAddress, defaultLimits, type Limits, limitAnonymous } from "./lib/auth/limits.ts";
import { securitySchemes } from "./lib/auth/schemes.ts";
import { type ChartDrawing, createChartDrawing } from "./lib/drawing/drawing.ts";
import { ApiError, notFound, onError } from "./lib/errors.ts";
import { ImportPool } from "./lib/import-pool.ts";
import { maxImportBytes as defaultMaxImportBytes } from "./lib/imports.ts";
import { createLogger, type Logger } from "./lib/logger.ts";
import type { NoticeMailer } from "./lib/notices/mailer.ts";
import { createRouter } from "./lib/openapi.ts";
import { cachedReads, createReadCache, type ReadCache } from "./lib/read-cache.ts";
import { agreementsRouter } from "./routes/agreements/agreements.index.ts";
import { annotationsRouter } from "./routes/annotations/annotations.index.ts";
import { categoriesRouter } from "./routes/categories/categories.index.ts";
import { chartSecureHeaders, chartsRouter, embedRouter } from "./routes/charts/charts.index.ts";
import { commitmentsRouter } from "./routes/commitments/commitments.index.ts";
import { confirmationsRouter } from "./routes/confirmations/confirmations.index.ts";
import { disputesRouter } from "./routes/disputes/disputes.index.ts";
import { eventsRouter } from "./routes/events/events.index.ts";
import { exportsRouter } from "./routes/exports/exports.index.ts";
import { fulfilmentRouter } from "./routes/fulfilment/fulfilment.index.ts";
import { gradationRouter } from "./routes/gradation/gradation.index.ts";
import { guarantorsRouter, ladderEmbedRouter } from "./routes/guarantors/guarantors.index.ts";
import { healthRouter } from "./routes/health/health.index.ts";
import { importsRouter } from "./routes/imports/imports.index.ts";
import { importsPath } from "./routes/imports/imports.routes.ts";
import { noticesRouter } from "./routes/notices/notices.index.ts";
import { organisationsRouter } from "./routes/organisations/organisations.index.ts";
import { partiesRouter } from "./routes/parties/parties.index.ts";
import { proposalsRouter } from "./routes/proposals/proposals.index.ts";
import { provisionsRouter } from "./routes/provisions/provisions.index.ts";
import { ratesRouter } from "./routes/rates/rates.index.ts";
import { reconciliationRouter } from "./routes/reconciliation/reconciliation.index.ts";
import { referenceRouter } from "./routes/reference/reference.index.ts";
import { seriesRouter } from "./routes/series/series.index.ts";
import { sessionRouter } from "./routes/session/session.index.ts";
import { tokensRouter } from "./routes/tokens/tokens.index.ts";
import { tranchesRouter } from "./routes/tranches/tranches.index.ts";
import { waitingRouter } from "./routes/waiting/waiting.index.ts";

/** For main.ts, which sizes the cache from its settings. */
export { createReadCache };

export interface AppOptions {
  db: Db;
  logger?: Logger;
  /** The built web app to serve at /, if any. */
  webDistDir?: string | undefined;
  /**
   * The origin absolute links name (PUBLIC_ORIGIN): never a request's Host or X-Forwarded-Host, which a client
   * (or, behind a proxy, anyone reaching it) chooses. A function when it is known only once the server listens.
   * In-process requests' own origin by default.
   */
  publicOrigin?: string | (() => string) | undefined;
  /** Trust X-Forwarded-Proto, -Host and -For: only behind a reverse proxy that sets them. */
  trustProxy?: boolean | undefined;
  /**
   * Overrides of the rate limits: the operator's TOKEN_REQUESTS_PER_MINUTE and ANONYMOUS_REQUESTS_PER_MINUTE, or
   * tests that send thousands.
   */
  limits?: Partial<Limits> | undefined;
  /** The largest file an import takes, in bytes (IMPORT_MAX_BYTES); 512 MiB by default. */
  maxImportBytes?: number | undefined;
  /** The threads that draw charts and the cache of drawn ones; by default sized from the cores (drawing.ts). */
  charts?: ChartDrawing | undefined;
  /** The threads that read imported files; by default sized from the cores (import-pool.ts). */
  importReaders?: ImportPool | undefined;
  /** The public answers kept in this process (read-cache.ts); 128 MiB by default, null for none. */
  readCache?: ReadCache | null | undefined;
  /** E-mails new notices (SMTP_URL); none by default. */
  mailer?: NoticeMailer | null | undefined;
}

const maxBodyBytes = 1024 * 1024;

/** The reads whose answer depends on the query and the dataset only (drafts=include aside, which is private). */
const publicReads = [
  "/v1/series",
  "/v1/fulfilment",
  "/v1/commitments",
  "/v1/commitments/:id",
  "/v1/commitments/:id/fulfilment",
  "/v1/parties",
  "/v1/parties/:id",
  "/v1/agreements",
  "/v1/agreements/:id",
  "/v1/exports/*",
];

/**
 * The Content-Security-Policy of the web app's pages, and of every other answer that sets none of its own (the
 * API reference and the embed have theirs): scripts, styles and everything else from this origin only, no inline
 * script or style (the built app has neither: its CSS is a file, React sets styles through the DOM), images also
 * as data: URLs (the favicon), no plugins, no framing by other sites.
 */
export const appContentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

export function createApp({
  db,
  logger = createLogger("silent"),
  webDistDir,
  limits,
  trustProxy = false,
  maxImportBytes = defaultMaxImportBytes,
  charts = createChartDrawing(),
  importReaders = new ImportPool(),
  readCache = createReadCache(),
  publicOrigin = "http://localhost",
  mailer = null,
}: AppOptions) {
  const app = createRouter();
  app.onError(onError);
  app.notFound(notFound);
  app.use(requestId());
  // Chart images and the embed page are for other sites to show: they have their own security headers.
  const standardSecureHeaders = secureHeaders({
    contentSecurityPolicy: appContentSecurityPolicy,
    // A page with a policy of its own (the API reference) keeps it.
    overwrite: false,
  });
  app.use((c, next) => (chartSecureHeaders(c.req.path) ?? standardSecureHeaders)(c, next));
  // Published data is public: any site may read it. Writes from other sites need an API token, which a browser
  // never sends on its own. The wildcard origin never allows credentials, so no other site can use the session
  // cookie (SameSite=Strict and the CSRF token stop it as well).
  app.use(
    "/v1/*",
    cors({
      origin: "*",
      allowMethods: ["GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS"],
      allowHeaders: ["Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Import-Id"],
      exposeHeaders: ["ETag", "Location", "Idempotency-Replayed", "Retry-After"],
      maxAge: 600,
    }),
  );
  const rateLimits = { ...defaultLimits, ...limits };
  app.use(async (c, next) => {
    c.set("db", db);
    c.set("logger", logger);
    c.set("limits", rateLimits);
    c.set("maxImportBytes", maxImportBytes);
    c.set("charts", charts);
    c.set("importReaders", importReaders);
    c.set("readCache", readCache);
    c.set("trustProxy", trustProxy);
    c.set("publicOrigin", typeof publicOrigin === "function" ? publicOrigin() : publicOrigin);
    c.set("address", clientAddress(c));
    c.set("noticesWritten", []);
    const started = performance.now();
    await next();
    // After the handler: its write has committed (or rolled back, and its notices with it).
    mailer?.enqueue(db, c.get("noticesWritten"), c.get("publicOrigin"));
    logger.info(
      {
        requestId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  app.use("/v1/*", identify);
  // The data, and the documents built per request, are counted per address for the public; /health (for load
  // balancers) and the static files of the web app and the API reference page are not.
  for (const path of ["/v1/*", "/embed/*", "/openapi.json"]) app.use(path, limitAnonymous);
  // After the rate limits, so a client over its limit is refused before its body is read.
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new ApiError("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${maxBodyBytes} bytes`);
    },
  });
  // Imports stream files far larger, and must not be buffered as this limit does: they count their own bytes.
  app.use("/v1/*", (c, next) =>
    c.req.method === "POST" && c.req.path === importsPath ? next() : limitBody(c, next),
  );

  // The public reads, the same for all who ask: ETag of the dataset version, 304, Cache-Control, kept in memory.
  // (Charts and the embed key their drawings the same way, in their own handlers.)
  const cachedRead = cachedReads();
  for (const path of publicReads) app.use(path, cachedRead);

  const api = app
    .route("/", healthRouter)
    .route("/", gradationRouter)
    .route("/", agreementsRouter)
    .route("/", partiesRouter)
    .route("/", categoriesRouter)
    .route("/", commitmentsRouter)
    .route("/", provisionsRouter)
    .route("/", tranchesRouter)
    .route("/", eventsRouter)
    .route("/", seriesRouter)
    .route("/", guarantorsRouter)
    .route("/", reconciliationRouter)
    .route("/", exportsRouter)
    .route("/", chartsRouter)
    .route("/", fulfilmentRouter)
    .route("/", ratesRouter)
    .route("/", disputesRouter)
    .route("/", annotationsRouter)
    .route("/", confirmationsRouter)
    .route("/", proposalsRouter)
    .route("/", sessionRouter)
    .route("/", tokensRouter)
    .route("/", organisationsRouter)
    .route("/", noticesRouter)
    .route("/", waitingRouter)
    .route("/", importsRouter);

  // Outside the typed `api` chain: pages for people (the API reference, the embedded chart), not part of the
  // client's API.
  app.route("/", referenceRouter);
  app.route("/", embedRouter);
  app.route("/", ladderEmbedRouter);

  app.openAPIRegistry.registerComponent("securitySchemes", "apiToken", securitySchemes.apiToken);
  app.openAPIRegistry.registerComponent("securitySchemes", "session", securitySchemes.session);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Commitments tracker API",
      version: "0.1.0",
      description:
        "What states and institutions have promised Ukraine, and what they have delivered. Every figure carries its source. Requests a minute are limited per API token and, without credentials, per client address: beyond, 429 with Retry-After.",
      // Named by its SPDX id. (3.1's `identifier` field is missing from the generator's types, so a URL instead.)
      license: { name: "AGPL-3.0-or-later", url: "https://www.gnu.org/licenses/agpl-3.0.html" },
    },
    // Relative, so the document (and "Try it out" in /reference) works wherever the server is deployed.
    servers: [{ url: "/", description: "The server this document was fetched from" }],
  });

  if (webDistDir && existsSync(webDistDir)) {
    // Source maps are never served, whatever a build left in the directory: they would publish the source.
    app.use("/*", async (c, next) => {
      if (c.req.path.endsWith(".map"))
        throw new ApiError("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`);
      await next();
    });
    app.use("/*", serveStatic({ root: webDistDir }));
    // Client-side routes fall back to the app shell; unknown API paths still get the JSON 404.
    app.get("*", async (c, next) => {
      if (c.req.path.startsWith("/v1/") || c.req.path === "/openapi.json") return next();
      return serveStatic({ root: webDistDir, path: "index.html" })(c, next);
    });
  }
  return api;
}

export type AppType = ReturnType<typeof createApp>;
