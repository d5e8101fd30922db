import { createRouter } from "../../lib/openapi.ts";
import * as routes from "./health.routes.ts";

// Answers without touching the database, so it measures the event loop, not a query.
export const healthRouter = createRouter().openapi(routes.health, (c) =>
  c.json({ status: "ok" as const }, 200),
);
