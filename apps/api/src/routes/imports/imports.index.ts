import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./imports.handlers.ts";
import * as routes from "./imports.routes.ts";

export const importsRouter = createRouter()
  .openapi(routes.createImport, handlers.create)
  .openapi(routes.listImports, handlers.list)
  .openapi(routes.getImport, handlers.get);
