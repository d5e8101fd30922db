import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./agreements.handlers.ts";
import * as routes from "./agreements.routes.ts";

export const agreementsRouter = createRouter()
  .openapi(routes.listAgreements, handlers.list)
  .openapi(routes.getAgreement, handlers.get);
