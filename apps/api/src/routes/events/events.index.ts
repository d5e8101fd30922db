import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./events.handlers.ts";
import * as routes from "./events.routes.ts";

export const eventsRouter = createRouter()
  .openapi(routes.eventReadRoutes.list, handlers.list)
  .openapi(routes.eventReadRoutes.get, handlers.get)
  .openapi(routes.eventWrites.create, handlers.create)
  .openapi(routes.eventWrites.update, handlers.update)
  .openapi(routes.eventWrites.retract, handlers.retract)
  .openapi(routes.eventWrites.history, handlers.history)
  .openapi(routes.eventStatus, handlers.status);
