import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./waiting.handlers.ts";
import * as routes from "./waiting.routes.ts";

export const waitingRouter = createRouter().openapi(routes.getWaiting, handlers.get);
