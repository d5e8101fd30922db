import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./annotations.handlers.ts";
import * as routes from "./annotations.routes.ts";

export const annotationsRouter = createRouter()
  .openapi(routes.listAnnotations, handlers.list)
  .openapi(routes.createAnnotation, handlers.create);
