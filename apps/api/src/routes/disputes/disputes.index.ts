import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./disputes.handlers.ts";
import * as routes from "./disputes.routes.ts";

export const disputesRouter = createRouter()
  .openapi(routes.listDisputes, handlers.list)
  .openapi(routes.getDispute, handlers.get)
  .openapi(routes.openDispute, handlers.open)
  .openapi(routes.resolveDispute, handlers.resolve)
  .openapi(routes.withdrawDispute, handlers.withdraw);
