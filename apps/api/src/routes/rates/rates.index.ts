import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./rates.handlers.ts";
import * as routes from "./rates.routes.ts";

export const ratesRouter = createRouter()
  .openapi(routes.listRates, handlers.list)
  .openapi(routes.loadRates, handlers.load)
  .openapi(routes.loadRatesCsv, handlers.loadCsv);
