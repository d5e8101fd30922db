import type { Confidence, Measure, Stage } from "@commitments/core";
import { formatMeasure, type Lang } from "../format.ts";
import { label, words } from "../i18n/vocabulary.ts";
import { messages } from "./messages.ts";

/** Money is disbursed rather than delivered, in the trackers' vocabulary (core's, which has both words). */
export function stageLabel(stage: Stage, measure: Measure, lang: Lang = "en"): string {
  const stageWords = words("stage", stage, lang);
  return measure.kind === "money" ? stageWords.moneyLabel : stageWords.label;
}

export function confidenceLabel(confidence: Confidence, lang: Lang = "en"): string {
  return label("confidence", confidence, lang);
}

/** "€5bn a year" or "€50bn in total": what was promised, on the basis the source gave. */
export function promised(measure: Measure, basis: "total" | "per_year", lang: Lang = "en"): string {
  const t = messages[lang];
  return `${formatMeasure(measure, { lang })} ${basis === "per_year" ? t.perYear : t.inTotal}`;
}
