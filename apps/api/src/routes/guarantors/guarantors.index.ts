import { Hono } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./guarantors.handlers.ts";
import * as routes from "./guarantors.routes.ts";

export const guarantorsRouter = createRouter()
  .openapi(routes.listGuarantors, handlers.list)
  .openapi(routes.guarantorsCsv, handlers.csv)
  .openapi(routes.guarantorsSvg, handlers.svg)
  .openapi(routes.guarantorsPng, handlers.png)
  .openapi(routes.getGuarantor, handlers.get);

export const ladderEmbedPath = "/embed/guarantors";

/** The ladder's page for other sites' frames, outside the OpenAPI document like the series chart's. */
export const ladderEmbedRouter = new Hono<AppEnv>().get(ladderEmbedPath, handlers.embed);
