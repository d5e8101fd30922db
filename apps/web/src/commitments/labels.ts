import type { Confidence, Measure, Stage } from "@commitments/core";
import { formatMeasure, type Lang } from "../format.ts";
import { messages } from "./messages.ts";

// The core package has these labels too, but importing its runtime would pull zod into the bundle; the message
// files type them by its enums, which keeps the two in step (a new stage or confidence level fails to compile).

/** Money is disbursed rather than delivered, in the trackers' vocabulary. */
export function stageLabel(stage: Stage, measure: Measure, lang: Lang = "en"): string {
  const t = messages[lang];
  return stage === "delivered" && measure.kind === "money" ? t.disbursed : t.stages[stage];
}

export function confidenceLabel(confidence: Confidence, lang: Lang = "en"): string {
  return messages[lang].confidence[confidence];
}

/** "€5bn a year" or "€50bn in total": what was promised, on the basis the source gave. */
export function promised(measure: Measure, basis: "total" | "per_year", lang: Lang = "en"): string {
  const t = messages[lang];
  return `${formatMeasure(measure, { lang })} ${basis === "per_year" ? t.perYear : t.inTotal}`;
}
