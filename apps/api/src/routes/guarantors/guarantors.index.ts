import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./guarantors.handlers.ts";
import * as routes from "./guarantors.routes.ts";

export const guarantorsRouter = createRouter()
  .openapi(routes.listGuarantors, handlers.list)
  .openapi(routes.guarantorsCsv, handlers.csv)
  .openapi(routes.guarantorsSvg, handlers.svg)
  .openapi(routes.getGuarantor, handlers.get);
