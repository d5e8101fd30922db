import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./fulfilment.handlers.ts";
import * as routes from "./fulfilment.routes.ts";

export const fulfilmentRouter = createRouter()
  .openapi(routes.getCommitmentFulfilment, handlers.get)
  .openapi(routes.listFulfilment, handlers.list);
