import { createRoute, z } from "@hono/zod-openapi";
import { json } from "../../lib/openapi.ts";

export const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["Service"],
  summary: "Whether the service is up",
  responses: {
    200: json(z.object({ status: z.literal("ok") }), "The service is up."),
  },
});
