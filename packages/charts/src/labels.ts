import { label, labelOrId } from "@commitments/core/vocabulary";

/**
 * Every word a chart draws, in English and Ukrainian. The Ukrainian must have exactly the English keys (the
 * `Labels` type checks it), so a chart never shows a word in one language only. The names of categories, tiers,
 * units and stages are the vocabulary's (@commitments/core/vocabulary), defined once for the whole tracker.
 */

export const chartLangs = ["en", "uk"] as const;
export type ChartLang = (typeof chartLangs)[number];

export interface Labels {
  promised: string;
  delivered: string;
  /** Before a date: "As of 2025-06-30". */
  asOf: string;
  datasetVersion: string;
  source: string;
  /** The tracker's own source line, pointing at where every record's sources are. */
  trackerSource: (url: string) => string;
  /** The embedded chart's link to the tracker's page of the same chart. */
  openInTracker: string;
  /** The embed's notes line and its link to the figures behind the chart. */
  notes: string;
  getTheData: string;
  synthetic: string;
  /** The legend's explanation of each mark a flag puts on a point or bar. */
  syntheticMark: string;
  estimatedMark: string;
  disputedMark: string;
  /** In hover texts: how many of the period's events carry each flag. */
  syntheticCount: string;
  estimatedCount: string;
  disputedCount: string;
  noFigures: string;
  /** A group standing for the groups a chart has no colour left for: "Other (5)". */
  other: (count: number) => string;
  allCommitments: string;
  noAgreement: string;
  /** Hover texts: the period's own figure beside the cumulative one. */
  inPeriod: string;
  toDate: string;
  /** The one-sentence summary: "To 2025-Q2, in total: …". */
  summaryTo: (period: string) => string;
  /** Title and subtitle words. */
  titleBase: string;
  /** The title's base when the stages drawn are not the usual ones: "Committed and allocated". */
  titleStages: (promised: string, delivered: string) => string;
  by: Record<"donor" | "category" | "tier" | "agreement" | "source", string>;
  tierSuffix: string;
  /** A title's period: "2024–2025", "from 2024", "to 2025". */
  fromPeriod: (period: string) => string;
  toPeriod: (period: string) => string;
  /** The subtitle's note when the stages counted are not the usual ones. */
  stagesCounted: (promised: string, delivered: string) => string;
  cumulativeBy: Record<"month" | "quarter" | "year", string>;
  perPeriod: Record<"month" | "quarter" | "year", string>;
  convertedAtEventDate: (currency: string) => string;
  convertedAtFixedDate: (currency: string, date: string) => string;
  originalCurrencies: string;
  quantitiesPerUnit: string;
  quantitiesIn: (unit: string) => string;
  /** Amount suffixes: thousand, million, billion. */
  thousand: string;
  million: string;
  billion: string;
  decimalSeparator: string;
  groupSeparator: string;
  /** A quarter "2024-Q1" as the language writes it. */
  quarter: (year: string, quarter: string) => string;
}

// No-break spaces keep "€1.2 bn" and "1 234,50 €" on one line wherever the text is set.
const nbsp = "\u00a0";

const en: Labels = {
  promised: "Promised",
  delivered: label("stage", "delivered", "en"),
  asOf: "As of",
  datasetVersion: "dataset version",
  source: "Source:",
  trackerSource: (url) => `Commitments tracker — promised vs delivered; sources per record at ${url}`,
  openInTracker: "Open this chart in the tracker",
  notes: "Notes:",
  getTheData: "Get the data (CSV)",
  synthetic: "Synthetic demo data — not real figures",
  syntheticMark: "Synthetic demo figures in the period",
  estimatedMark: "Estimated figures in the period",
  disputedMark: "Disputed figures in the period",
  syntheticCount: "synthetic",
  estimatedCount: "estimated",
  disputedCount: "disputed",
  noFigures: "No figures for this selection",
  other: (count) => `Other (${count})`,
  allCommitments: "All commitments",
  noAgreement: "No agreement",
  inPeriod: "in the period",
  toDate: "to date",
  summaryTo: (period) => `To ${period}, in total`,
  titleBase: "Promised and delivered",
  titleStages: (promised, delivered) => `${promised} and ${delivered}`,
  by: {
    donor: "by donor",
    category: "by category",
    tier: "by tier",
    agreement: "by agreement",
    source: "by source",
  },
  tierSuffix: "tier",
  fromPeriod: (period) => `from ${period}`,
  toPeriod: (period) => `to ${period}`,
  stagesCounted: (promised, delivered) => `promised = ${promised}, delivered = ${delivered}`,
  cumulativeBy: {
    month: "Cumulative totals, by month",
    quarter: "Cumulative totals, by quarter",
    year: "Cumulative totals, by year",
  },
  perPeriod: { month: "Per month", quarter: "Per quarter", year: "Per year" },
  convertedAtEventDate: (currency) => `${currency}, converted at the rate of each figure's date`,
  convertedAtFixedDate: (currency, date) => `${currency}, converted at the rates of ${date}`,
  originalCurrencies: "original currencies, never added across currencies",
  quantitiesPerUnit: "quantities, one series per unit",
  quantitiesIn: (unit) => `quantities: ${unit}`,
  thousand: "k",
  million: "m",
  billion: "bn",
  decimalSeparator: ".",
  groupSeparator: ",",
  quarter: (year, quarter) => `${year}-Q${quarter}`,
};

const uk: Labels = {
  promised: "Обіцяно",
  delivered: label("stage", "delivered", "uk"),
  asOf: "Станом на",
  datasetVersion: "версія набору даних",
  source: "Джерело:",
  trackerSource: (url) => `Трекер зобов’язань — обіцяно і поставлено; джерела кожного запису: ${url}`,
  openInTracker: "Відкрити цей графік у трекері",
  notes: "Примітки:",
  getTheData: "Отримати дані (CSV)",
  synthetic: "Синтетичні демонстраційні дані — не реальні цифри",
  syntheticMark: "Синтетичні демонстраційні цифри в періоді",
  estimatedMark: "Оцінкові цифри в періоді",
  disputedMark: "Оскаржені цифри в періоді",
  syntheticCount: "синтетичні",
  estimatedCount: "оцінкові",
  disputedCount: "оскаржені",
  noFigures: "Немає даних для цього вибору",
  other: (count) => `Інші (${count})`,
  allCommitments: "Усі зобов’язання",
  noAgreement: "Без угоди",
  inPeriod: "за період",
  toDate: "наростаючим підсумком",
  summaryTo: (period) => `Загалом до ${period}`,
  titleBase: "Обіцяно і поставлено",
  titleStages: (promised, delivered) => `${promised} і ${delivered}`,
  by: {
    donor: "за донорами",
    category: "за категоріями",
    tier: "за рівнями гарантій",
    agreement: "за угодами",
    source: "за джерелами",
  },
  tierSuffix: "рівень",
  fromPeriod: (period) => `з ${period}`,
  toPeriod: (period) => `до ${period}`,
  stagesCounted: (promised, delivered) => `обіцяно = ${promised}, поставлено = ${delivered}`,
  cumulativeBy: {
    month: "Наростаючим підсумком, по місяцях",
    quarter: "Наростаючим підсумком, по кварталах",
    year: "Наростаючим підсумком, по роках",
  },
  perPeriod: { month: "За кожен місяць", quarter: "За кожен квартал", year: "За кожен рік" },
  convertedAtEventDate: (currency) => `${currency}, за курсом на дату кожної цифри`,
  convertedAtFixedDate: (currency, date) => `${currency}, за курсами на ${date}`,
  originalCurrencies: "оригінальні валюти, різні валюти не додаються",
  quantitiesPerUnit: "кількість, окремий ряд для кожної одиниці",
  quantitiesIn: (unit) => `кількість: ${unit}`,
  thousand: "тис.",
  million: "млн",
  billion: "млрд",
  decimalSeparator: ",",
  groupSeparator: nbsp,
  quarter: (year, quarter) => `${quarter}${nbsp}кв.${nbsp}${year}`,
};

export const labels: Record<ChartLang, Labels> = { en, uk };

/** A category's name ("air_defence" → "Air defence"), or the id itself when the vocabulary does not know it. */
export function categoryName(id: string, lang: ChartLang): string {
  return labelOrId("category", id, lang);
}

/** A quantity unit's name ("rounds" → «постріли»), or the id itself when unknown. */
export function unitName(unit: string, lang: ChartLang): string {
  return labelOrId("quantityUnit", unit, lang);
}

/** A tier's name ("soft" → "Soft"); "none" is the commitments under no agreement. */
export function tierName(tier: string, lang: ChartLang): string {
  if (tier === "none") return labels[lang].noAgreement;
  return labelOrId("tier", tier, lang);
}
