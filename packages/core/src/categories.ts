import { z } from "zod";
import { categoryIds, categoryTerms } from "./vocabulary/categories.ts";

/** The taxonomy of what is promised; its ids and their words are in the vocabulary (vocabulary/categories.ts). */
export const CategoryId = z
  .enum(categoryIds)
  .meta({ id: "CategoryId", description: "A category of the commitments taxonomy." });
export type CategoryId = z.infer<typeof CategoryId>;

/** A category with its parent and its English label, as the API lists them. */
export interface CategoryDefinition {
  id: CategoryId;
  parent: CategoryId | null;
  label: string;
}

export const categories: readonly CategoryDefinition[] = categoryIds.map((id) => {
  const dot = id.lastIndexOf(".");
  return {
    id,
    parent: dot === -1 ? null : (id.slice(0, dot) as CategoryId),
    label: categoryTerms[id].en.label,
  };
});

/** The top-level category a category rolls up to ("ammunition.tank" → "ammunition"). */
export function topCategory(id: CategoryId): CategoryId {
  return id.split(".")[0] as CategoryId;
}
