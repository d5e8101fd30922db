import { createRouter } from "../../lib/openapi.ts";
import { exportHeaderNames } from "./exports.citing.ts";
import { dictionaryHandler } from "./exports.dictionary.ts";
import { recordsCsvHandler, recordsJsonHandler, recordsXlsxHandler } from "./exports.records.ts";
import * as routes from "./exports.routes.ts";
import { seriesCsvHandler, seriesJsonHandler, seriesXlsxHandler } from "./exports.series.ts";

const router = createRouter();

// The CORS middleware exposes the API's common headers; a script on another site may read the exports' too.
router.use("/v1/exports/*", async (c, next) => {
  await next();
  const exposed = c.res.headers.get("Access-Control-Expose-Headers");
  if (exposed !== null) {
    c.res.headers.set("Access-Control-Expose-Headers", [exposed, ...exportHeaderNames].join(","));
  }
});

export const exportsRouter = router
  .openapi(routes.recordsCsv, recordsCsvHandler)
  .openapi(routes.recordsXlsx, recordsXlsxHandler)
  .openapi(routes.recordsJson, recordsJsonHandler)
  .openapi(routes.seriesCsv, seriesCsvHandler)
  .openapi(routes.seriesXlsx, seriesXlsxHandler)
  .openapi(routes.seriesJson, seriesJsonHandler)
  .openapi(routes.dictionary, dictionaryHandler);
