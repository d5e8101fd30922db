import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./tranches.handlers.ts";
import * as routes from "./tranches.routes.ts";

export const tranchesRouter = createRouter()
  .openapi(routes.trancheReadRoutes.list, handlers.list)
  .openapi(routes.trancheReadRoutes.get, handlers.get)
  .openapi(routes.trancheWrites.create, handlers.create)
  .openapi(routes.trancheWrites.update, handlers.update)
  .openapi(routes.trancheWrites.retract, handlers.retract)
  .openapi(routes.trancheWrites.history, handlers.history)
  .openapi(routes.trancheStatus, handlers.status);
