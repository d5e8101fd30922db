import { categories } from "@commitments/core";
import { createRouter } from "../../lib/openapi.ts";
import * as routes from "./categories.routes.ts";

export const categoriesRouter = createRouter().openapi(routes.listCategories, (c) =>
  c.json({ data: [...categories] }, 200),
);
