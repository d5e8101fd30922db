import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./proposals.handlers.ts";
import * as routes from "./proposals.routes.ts";

export const proposalsRouter = createRouter()
  .openapi(routes.listProposals, handlers.list)
  .openapi(routes.getProposal, handlers.get)
  .openapi(routes.decideProposal, handlers.status);
