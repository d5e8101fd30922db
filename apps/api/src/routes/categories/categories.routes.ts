import { CategoryId } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, listOf } from "../../lib/openapi.ts";

const Words = z.object({ label: z.string(), description: z.string() });

export const CategoryDefinition = z
  .object({
    id: CategoryId,
    parent: CategoryId.nullable(),
    label: z.string().openapi({ description: "The category's name in English." }),
    description: z.string(),
    uk: Words.openapi({ description: "Its name and description in Ukrainian." }),
  })
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
