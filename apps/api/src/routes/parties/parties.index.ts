import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./parties.handlers.ts";
import * as routes from "./parties.routes.ts";

export const partiesRouter = createRouter()
  .openapi(routes.listParties, handlers.list)
  .openapi(routes.getParty, handlers.get);
