import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./imports.handlers.ts";
import * as routes from "./imports.routes.ts";

export const importsRouter = createRouter()
  .openapi(routes.createImport, handlers.create)
  .openapi(routes.listImports, handlers.list)
  // Before /v1/imports/{id}, which would otherwise take "template.csv" for an id.
  .openapi(routes.templateCsv, handlers.templateCsv)
  .openapi(routes.templateXlsx, handlers.templateXlsx)
  .openapi(routes.templateExampleCsv, handlers.templateExampleCsv)
  .openapi(routes.getImport, handlers.get);
