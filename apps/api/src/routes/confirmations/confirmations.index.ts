import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./confirmations.handlers.ts";
import * as routes from "./confirmations.routes.ts";

export const confirmationsRouter = createRouter()
  .openapi(routes.listConfirmations, handlers.list)
  .openapi(routes.confirmDelivery, handlers.confirm);
