import { type Confidence, type Measure, type Stage, stageIds } from "@commitments/core";
import { formatMeasure, type Lang } from "../format.ts";
import { label, words } from "../i18n/vocabulary.ts";
import { messages } from "./messages.ts";

/** Money is disbursed rather than delivered, in the trackers' vocabulary (core's, which has both words). */
export function stageLabel(stage: Stage, measure: Measure, lang: Lang = "en"): string {
  const stageWords = words("stage", stage, lang);
  return measure.kind === "money" ? stageWords.moneyLabel : stageWords.label;
}

/**
 * The stage a commitment's headline figure stands for: null for a promise (pledged or committed, or nothing dated
 * yet), else the furthest stage its source recorded it at, as for a Kiel allocation line, which is no promise.
 */
export function headlineStage(events: readonly { stage: Stage; retracted: boolean }[]): Stage | null {
  const stages = new Set(events.filter((e) => !e.retracted).map((e) => e.stage));
  if (stages.size === 0 || stages.has("pledged") || stages.has("committed")) return null;
  return stageIds.filter((stage) => stages.has(stage)).at(-1) ?? null;
}

export function confidenceLabel(confidence: Confidence, lang: Lang = "en"): string {
  return label("confidence", confidence, lang);
}

/** "€5bn a year" or "€50bn in total": what was promised, on the basis the source gave. */
export function promised(measure: Measure, basis: "total" | "per_year", lang: Lang = "en"): string {
  const t = messages[lang];
  return `${formatMeasure(measure, { lang })} ${basis === "per_year" ? t.perYear : t.inTotal}`;
}
