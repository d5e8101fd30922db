import { z } from "zod";
import type { Stage } from "./stage.ts";

/**
 * Whose figures a record holds: a publisher's dataset imported as published, or the tracker's own records (the
 * seed documents' lines and what partner ministries enter). Figures of two datasets are never added up as if they
 * were one count (Kiel's figure for Germany and Germany's own report may be the same euros), and each dataset
 * reports only some stages: a view says whose word it shows and never reads a stage a source does not report as
 * zero.
 */
export const sourceDatasetIds = ["tracker", "kiel", "sipri", "iati"] as const;
export const SourceDataset = z.enum(sourceDatasetIds).meta({
  id: "SourceDataset",
  description:
    "Whose figures: tracker (records kept in the tracker), kiel (Kiel Institute, Ukraine Support Tracker), sipri (SIPRI Arms Transfers Database), iati (IATI publishers' activity files).",
});
export type SourceDataset = z.infer<typeof SourceDataset>;

export interface SourceDatasetDefinition {
  id: SourceDataset;
  /** Who publishes it, for credit lines; null for the tracker's own records, each of which names its sources. */
  publisher: string | null;
  /** The dataset's name, as its publisher gives it. */
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
    title: "Records kept in the commitments tracker",
    stages: ["pledged", "committed", "allocated", "delivered"],
    progressStage: "delivered",
    promisesByCategory: true,
    terms: "Each record cites its own sources.",
  },
  kiel: {
    id: "kiel",
    publisher: "Kiel Institute for the World Economy",
    title: "Ukraine Support Tracker",
    stages: ["committed", "allocated"],
    progressStage: "allocated",
    promisesByCategory: false,
    terms: "No licence stated in the files; cite the Kiel Institute and the release with every figure.",
  },
  sipri: {
    id: "sipri",
    publisher: "Stockholm International Peace Research Institute (SIPRI)",
    title: "SIPRI Arms Transfers Database",
    stages: ["committed", "delivered"],
    progressStage: "delivered",
    promisesByCategory: true,
    terms:
      'Free to use with the credit line "Source: SIPRI Arms Transfers Database"; not for commercial use without SIPRI\'s agreement.',
  },
  iati: {
    id: "iati",
    publisher: null,
    title: "IATI activity files",
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
