import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./session.handlers.ts";
import * as routes from "./session.routes.ts";

export const sessionRouter = createRouter()
  .openapi(routes.signIn, handlers.signInHandler)
  .openapi(routes.currentSession, handlers.current)
  .openapi(routes.signOut, handlers.signOutHandler)
  .openapi(routes.signOutEverywhere, handlers.signOutEverywhereHandler)
  .openapi(routes.changePassword, handlers.changePasswordHandler);
