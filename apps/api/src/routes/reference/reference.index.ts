import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { ApiError } from "../../lib/errors.ts";

/**
 * The interactive API reference: Swagger UI over /openapi.json, served from the installed swagger-ui-dist so it
 * works with no internet (many users' networks have none). Plain Hono routes, so it stays out of the OpenAPI
 * document: it is a page about the API, not part of it.
 */
const swaggerDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** Only the files the page needs; nothing else in the package is reachable. */
const assetTypes: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
  "favicon-16x16.png": "image/png",
};

// In a file of its own, not inline, so the page's CSP can forbid inline scripts. validatorUrl null: Swagger UI
// would otherwise send the document to validator.swagger.io for its badge.
const initScript = `window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
`;

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference — Commitments tracker</title>
    <link rel="icon" type="image/png" href="/reference/assets/favicon-32x32.png" sizes="32x32" />
    <link rel="stylesheet" href="/reference/assets/swagger-ui.css" />
  </head>
  <body>
    <p style="margin: 0.75rem 1.25rem; font-family: system-ui, sans-serif">
      <a href="/">Commitments tracker</a> · API reference ·
      <a href="/openapi.json">OpenAPI 3.1 document (JSON)</a>
    </p>
    <noscript>This page needs JavaScript; the same reference is in <a href="/openapi.json">/openapi.json</a>.</noscript>
    <div id="swagger-ui"></div>
    <script src="/reference/assets/swagger-ui-bundle.js"></script>
    <script src="/reference/assets/init.js"></script>
  </body>
</html>
`;

/**
 * Everything from this origin, nothing from elsewhere. Inline styles are allowed because Swagger UI sets style
 * attributes as it renders; inline scripts are not.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

const cached = new Map<string, Promise<Buffer>>();
function asset(name: string): Promise<Buffer> {
  let body = cached.get(name);
  if (!body) {
    body = readFile(join(swaggerDir, name));
    cached.set(name, body);
  }
  return body;
}

// The package's version changes the files; a day's caching is plenty for a page read by hand.
const cacheControl = "public, max-age=86400";

export const referenceRouter = new Hono<AppEnv>()
  .get("/reference", (c) => {
    c.header("Content-Security-Policy", contentSecurityPolicy);
    return c.html(page);
  })
  .get("/reference/assets/init.js", (c) =>
    c.body(initScript, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": cacheControl,
    }),
  )
  .get("/reference/assets/:file", async (c) => {
    const file = c.req.param("file");
    const type = Object.hasOwn(assetTypes, file) ? assetTypes[file] : undefined;
    if (!type) throw new ApiError("NOT_FOUND", `No reference asset "${file}"`);
    return c.body(new Uint8Array(await asset(file)), 200, {
      "Content-Type": type,
      "Cache-Control": cacheControl,
    });
  })
  // Anything else under /reference/ is a 404, not the web app's shell.
  .get("/reference/*", (c) => {
    throw new ApiError("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`);
  });
