import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./reconciliation.handlers.ts";
import * as routes from "./reconciliation.routes.ts";

export const reconciliationRouter = createRouter().openapi(routes.getReconciliation, handlers.get);
