import { z } from "zod";
import type { Stage } from "./stage.ts";
import { sourceDatasetIds, sourceDatasetTerms } from "./vocabulary/sources.ts";

/**
 * Whose figures a record holds: a publisher's dataset imported as published, or the tracker's own records (the
 * seed documents' lines and what partner ministries enter). Figures of two datasets are never added up as if they
 * were one count (Kiel's figure for Germany and Germany's own report may be the same euros), and each dataset
 * reports only some stages: a view says whose word it shows and never reads a stage a source does not report as
 * zero. Their names and what each reports, in English and Ukrainian, are in the vocabulary (vocabulary/sources.ts);
 * the definitions below are what the code reads.
 */
export const SourceDataset = z.enum(sourceDatasetIds).meta({
  id: "SourceDataset",
  description: `Whose figures: ${sourceDatasetIds.map((id) => `${id} (${sourceDatasetTerms[id].en.label})`).join(", ")}.`,
});
export type SourceDataset = z.infer<typeof SourceDataset>;

export interface SourceDatasetDefinition {
  id: SourceDataset;
  /** Who publishes it, for credit lines; null for the tracker's own records, each of which names its sources. */
  publisher: string | null;
  /** The dataset's name in English, from the vocabulary, which also has its Ukrainian name and what it reports. */
  title: string;
  /** The stages its figures are recorded at, in flow order. */
  stages: readonly Stage[];
  /** The furthest stage it reports: the one progress is measured against. */
  progressStage: Stage;
  /** Whether its promises are split by category (type of aid), so promised and delivered compare per category. */
  promisesByCategory: boolean;
  /** The terms under which its figures may be used, as the publisher states them. */
  terms: string;
}

export const sourceDatasets: Readonly<Record<SourceDataset, SourceDatasetDefinition>> = {
  tracker: {
    id: "tracker",
    publisher: null,
    title: sourceDatasetTerms.tracker.en.label,
    stages: ["pledged", "committed", "allocated", "delivered"],
    progressStage: "delivered",
    promisesByCategory: true,
    terms: "Each record cites its own sources.",
  },
  kiel: {
    id: "kiel",
    publisher: "Kiel Institute for the World Economy",
    title: sourceDatasetTerms.kiel.en.label,
    stages: ["committed", "allocated"],
    progressStage: "allocated",
    promisesByCategory: false,
    terms: "No licence stated in the files; cite the Kiel Institute and the release with every figure.",
  },
  sipri: {
    id: "sipri",
    publisher: "Stockholm International Peace Research Institute (SIPRI)",
    title: sourceDatasetTerms.sipri.en.label,
    stages: ["committed", "delivered"],
    progressStage: "delivered",
    promisesByCategory: true,
    terms:
      'Free to use with the credit line "Source: SIPRI Arms Transfers Database"; not for commercial use without SIPRI\'s agreement.',
  },
  iati: {
    id: "iati",
    publisher: null,
    title: sourceDatasetTerms.iati.en.label,
    stages: ["pledged", "committed", "delivered"],
    progressStage: "delivered",
    promisesByCategory: true,
    terms: "Each publisher's own licence, as stated in its IATI registry entry.",
  },
};

/** Whether a dataset reports a stage at all: where it does not, a view says so rather than showing a zero. */
export function reportsStage(dataset: SourceDataset, stage: Stage): boolean {
  return sourceDatasets[dataset].stages.includes(stage);
}
