import { createRouter } from "../../lib/openapi.ts";
import * as handlers from "./series.handlers.ts";
import * as routes from "./series.routes.ts";

export const seriesRouter = createRouter().openapi(routes.getSeries, handlers.get);
