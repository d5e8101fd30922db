import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./provisions.handlers.ts";
import * as routes from "./provisions.routes.ts";

export const provisionsRouter = createRouter()
  .openapi(routes.listProvisions, handlers.list)
  .openapi(routes.getProvision, handlers.get)
  .openapi(routes.provisionWrites.create, handlers.create)
  .openapi(routes.provisionWrites.update, handlers.update)
  .openapi(routes.provisionWrites.retract, handlers.retract)
  .openapi(routes.provisionWrites.history, handlers.history);
