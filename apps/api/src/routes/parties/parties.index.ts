import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./parties.handlers.ts";
import * as routes from "./parties.routes.ts";

export const partiesRouter = createRouter()
  .openapi(routes.listParties, handlers.list)
  .openapi(routes.getParty, handlers.get)
  .openapi(routes.partyWrites.create, handlers.create)
  .openapi(routes.partyWrites.update, handlers.update)
  .openapi(routes.partyWrites.retract, handlers.retract)
  .openapi(routes.partyWrites.history, handlers.history);
