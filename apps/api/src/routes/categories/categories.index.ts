import { categories, words } from "@commitments/core";
import { createRouter } from "../../lib/openapi.ts";
import * as routes from "./categories.routes.ts";

export const categoriesRouter = createRouter().openapi(routes.listCategories, (c) =>
  c.json(
    {
      data: categories.map((category) => ({
        ...category,
        description: words("category", category.id, "en").description,
        uk: words("category", category.id, "uk"),
      })),
    },
    200,
  ),
);
