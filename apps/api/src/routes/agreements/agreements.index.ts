import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./agreements.handlers.ts";
import * as routes from "./agreements.routes.ts";

export const agreementsRouter = createRouter()
  .openapi(routes.listAgreements, handlers.list)
  .openapi(routes.getAgreement, handlers.get)
  .openapi(routes.agreementWrites.create, handlers.create)
  .openapi(routes.agreementWrites.update, handlers.update)
  .openapi(routes.agreementWrites.retract, handlers.retract)
  .openapi(routes.agreementWrites.history, handlers.history);
