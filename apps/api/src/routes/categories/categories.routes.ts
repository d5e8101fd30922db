import { CategoryId } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, listOf } from "../../lib/openapi.ts";

export const CategoryDefinition = z
  .object({ id: CategoryId, parent: CategoryId.nullable(), label: z.string() })
  .openapi("CategoryDefinition");

export const listCategories = createRoute({
  method: "get",
  path: "/v1/categories",
  tags: ["Commitments"],
  summary: "The taxonomy of what is promised: funding lines, air defence, ammunition by calibre, …",
  responses: {
    200: json(listOf(CategoryDefinition), "Every category, parents before their children."),
    ...errorResponses,
  },
});
