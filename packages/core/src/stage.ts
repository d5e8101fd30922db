import { z } from "zod";
import { stageIds } from "./vocabulary/flow.ts";

/**
 * The stages a promise passes through, as the serious trackers separate them (Kiel Institute, OCHA FTS, IATI):
 * announced, made binding, earmarked in a concrete package, and handed over (delivered, or disbursed for money).
 * Their ids and words are in the vocabulary (vocabulary/flow.ts).
 */
export const Stage = z.enum(stageIds).meta({
  id: "Stage",
  description: "pledged (announced) → committed (binding) → allocated (earmarked) → delivered.",
});
export type Stage = z.infer<typeof Stage>;
