import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./notices.handlers.ts";
import * as routes from "./notices.routes.ts";

export const noticesRouter = createRouter()
  .openapi(routes.listNotices, handlers.list)
  .openapi(routes.markNoticesRead, handlers.read);
