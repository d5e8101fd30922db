import type { Confidence, Measure, Stage } from "@commitments/core";
import { formatMeasure } from "../format.ts";

// The core package has these labels too, but importing its runtime would pull zod into the bundle; typing them by
// its enums keeps the two in step (a new stage or confidence level fails to compile here).
const stageLabels: Record<Stage, string> = {
  pledged: "Pledged",
  committed: "Committed",
  allocated: "Allocated",
  delivered: "Delivered",
};

/** Money is disbursed rather than delivered, in the trackers' vocabulary. */
export function stageLabel(stage: Stage, measure: Measure): string {
  return stage === "delivered" && measure.kind === "money" ? "Disbursed" : stageLabels[stage];
}

export const confidenceLabels: Record<Confidence, string> = {
  reported_by_donor: "Reported by donor",
  confirmed_by_recipient: "Confirmed by recipient",
  independently_verified: "Independently verified",
  estimated: "Estimated",
  disputed: "Disputed",
  undisclosed: "Undisclosed",
};

/** "€5bn a year" or "€50bn in total": what was promised, on the basis the source gave. */
export function promised(measure: Measure, basis: "total" | "per_year"): string {
  return `${formatMeasure(measure)}${basis === "per_year" ? " a year" : " in total"}`;
}
