import type { AppRouteHandler } from "../../lib/handler.ts";
import { ledgerHandlers, workflowHandler } from "../../lib/writes/handlers.ts";
import { trancheReads, tranches } from "../../resources/commitment-parts.ts";
import { type trancheReadRoutes, trancheStatus, trancheWrites } from "./tranches.routes.ts";

// The typed client takes its types from the routes; these casts only bind the shared handlers to them.
export const list = trancheReads.list as unknown as AppRouteHandler<typeof trancheReadRoutes.list>;
export const get = trancheReads.get as unknown as AppRouteHandler<typeof trancheReadRoutes.get>;
export const { create, update, retract, history } = ledgerHandlers(tranches, trancheWrites);
export const status = workflowHandler(tranches, trancheStatus);
