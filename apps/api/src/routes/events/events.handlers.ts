import type { AppRouteHandler } from "../../lib/handler.ts";
import { ledgerHandlers, workflowHandler } from "../../lib/writes/handlers.ts";
import { eventReads, events } from "../../resources/commitment-parts.ts";
import { type eventReadRoutes, eventStatus, eventWrites } from "./events.routes.ts";

// The typed client takes its types from the routes; these casts only bind the shared handlers to them.
export const list = eventReads.list as unknown as AppRouteHandler<typeof eventReadRoutes.list>;
export const get = eventReads.get as unknown as AppRouteHandler<typeof eventReadRoutes.get>;
export const { create, update, retract, history } = ledgerHandlers(events, eventWrites);
export const status = workflowHandler(events, eventStatus);
