import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./gradation.handlers.ts";
import * as routes from "./gradation.routes.ts";

export const gradationRouter = createRouter()
  .openapi(routes.getGradation, handlers.gradation)
  .openapi(routes.classify, handlers.classification);
