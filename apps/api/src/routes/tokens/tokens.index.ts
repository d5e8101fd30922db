import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./tokens.handlers.ts";
import * as routes from "./tokens.routes.ts";

export const tokensRouter = createRouter()
  .openapi(routes.listTokens, handlers.list)
  .openapi(routes.createToken, handlers.create)
  .openapi(routes.revokeToken, handlers.revoke);
