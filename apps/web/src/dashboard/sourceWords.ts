import { isId, label, words } from "@commitments/core/vocabulary";
import type { Lang } from "../i18n/index.ts";

/*
 * Whose word a figure is and which stage it counts, in the vocabulary's words, read from a series answer: a view
 * says "Allocated" where the series counts allocations, and "not reported" where a source reports no such stage,
 * never a zero.
 */

/** The parts of a GET /v1/series answer these words are read from. */
export interface StagedSeries {
  promisedStage: string;
  deliveredStage: string;
  groupBy: string;
  sources?: readonly SeriesSourceWords[] | undefined;
}

export interface SeriesSourceWords {
  id: string;
  release: string | null;
  stages: readonly string[];
  promisesByCategory: boolean;
}

/** A stage's label in the vocabulary ("Committed", «Виділено»); an unknown id stands as it is. */
export function stageWord(stage: string, lang: Lang): string {
  return isId("stage", stage) ? label("stage", stage, lang) : stage;
}

/** A source's name in the vocabulary ("Kiel Institute, Ukraine Support Tracker"). */
export function sourceName(id: string, lang: Lang): string {
  return isId("sourceDataset", id) ? label("sourceDataset", id, lang) : id;
}

/** What a source reports and what it does not, in its own vocabulary entry ("… not deliveries"). */
export function sourceSays(id: string, lang: Lang): string | undefined {
  return isId("sourceDataset", id) ? words("sourceDataset", id, lang).description : undefined;
}

/**
 * The sources of a series that do not split their promises by category: grouped by category, their promised
 * figures stand in one line and their other stages in others, so no category compares like with like.
 */
export function unsplitSources(series: StagedSeries): SeriesSourceWords[] {
  return series.groupBy === "category" ? (series.sources ?? []).filter((s) => !s.promisesByCategory) : [];
}
