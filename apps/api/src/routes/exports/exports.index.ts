import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./exports.handlers.ts";
import * as routes from "./exports.routes.ts";

const router = createRouter();

// The CORS middleware exposes the API's common headers; a script on another site may read the exports' too.
router.use("/v1/exports/*", async (c, next) => {
  await next();
  const exposed = c.res.headers.get("Access-Control-Expose-Headers");
  if (exposed !== null) {
    c.res.headers.set("Access-Control-Expose-Headers", [exposed, ...handlers.exportHeaderNames].join(","));
  }
});

export const exportsRouter = router
  .openapi(routes.recordsCsv, handlers.recordsCsvHandler)
  .openapi(routes.recordsXlsx, handlers.recordsXlsxHandler)
  .openapi(routes.recordsJson, handlers.recordsJsonHandler)
  .openapi(routes.seriesCsv, handlers.seriesCsvHandler)
  .openapi(routes.seriesXlsx, handlers.seriesXlsxHandler)
  .openapi(routes.seriesJson, handlers.seriesJsonHandler)
  .openapi(routes.dictionary, handlers.dictionaryHandler);
