import { Hono, type MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../../lib/context.ts";
import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./charts.handlers.ts";
import * as routes from "./charts.routes.ts";

const router = createRouter();

// The CORS middleware exposes the API's common headers; a script on another site may read the charts' too.
router.use("/v1/charts/*", async (c, next) => {
  await next();
  const exposed = c.res.headers.get("Access-Control-Expose-Headers");
  if (exposed !== null) {
    c.res.headers.set(
      "Access-Control-Expose-Headers",
      [exposed, "Content-Disposition", "X-Dataset-Version", "X-As-Of"].join(","),
    );
  }
});

export const chartsRouter = router
  .openapi(routes.seriesSvg, handlers.svgHandler)
  .openapi(routes.seriesPng, handlers.pngHandler);

export const embedPath = "/embed/series";

/** A page for other sites' frames, not part of the typed API: a plain route, outside the OpenAPI document. */
export const embedRouter = new Hono<AppEnv>().get(embedPath, handlers.embedHandler);

/*
 * Charts are made to be shown on other sites. The app's security headers forbid that (X-Frame-Options
 * SAMEORIGIN, Cross-Origin-Resource-Policy same-origin), so these paths get their own, otherwise the same:
 * the images may be loaded from any site, and the embed page framed by any site while loading nothing but its
 * inline style and images.
 */
// An image opened by itself is a document too: it may load nothing.
const imageHeaders = secureHeaders({
  crossOriginResourcePolicy: "cross-origin",
  contentSecurityPolicy: { defaultSrc: ["'none'"] },
});
const embedHeaders = secureHeaders({
  xFrameOptions: false,
  crossOriginResourcePolicy: "cross-origin",
  contentSecurityPolicy: {
    frameAncestors: ["*"],
    defaultSrc: ["'none'"],
    styleSrc: ["'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
  },
});

/**
 * The security headers of a chart path (an embed page, a chart image: the series chart's and the ladder's), if it
 * has its own; the app's for every other path.
 */
export function chartSecureHeaders(path: string): MiddlewareHandler | undefined {
  if (path.startsWith("/embed/")) return embedHeaders;
  if (path.startsWith("/v1/charts/")) return imageHeaders;
  return undefined;
}
