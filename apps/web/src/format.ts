import type { Measure, PartialDate } from "@commitments/core";
import { label } from "@commitments/core/vocabulary";
import { type Lang, locales } from "./i18n/languages.ts";

// Numbers, times and dates in the reader's language, through Intl: "1,250" in English is "1 250" in Ukrainian,
// and month names are the language's own. The formatters of figures take the language last and default to
// English, so callers written before the interface was translated keep their output unchanged. The Node tests
// import this module to state what the page must show: it reads neither the browser's URL nor its storage.
export type { Lang };

/**
 * Formats an exact decimal string without passing it through a float (Intl accepts decimal strings). Compact
 * ("€5bn") for headlines; `exact` gives every digit the source gave ("€5,000,000,000"), for tables of figures.
 */
export function formatMeasure(
  measure: Measure,
  { exact = false, lang = "en" }: { exact?: boolean; lang?: Lang } = {},
): string {
  if (measure.kind === "money") {
    return new Intl.NumberFormat(locales[lang], {
      style: "currency",
      currency: measure.currency,
      // Whole amounts without ".00"; fractional ones keep at least the currency's minor digits ("€1,250,000.50").
      ...(exact
        ? { maximumFractionDigits: 10, ...(measure.amount.includes(".") ? {} : { minimumFractionDigits: 0 }) }
        : { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 2 }),
    }).format(measure.amount as unknown as number);
  }
  const count = formatDecimal(measure.count, lang);
  return `${count} ${measure.item} (${label("quantityUnit", measure.unit, lang)})`;
}

/** An exact decimal string as a number is written in the language ("1,250.5", "1 250,5"), every digit kept. */
export function formatDecimal(amount: string, lang: Lang = "en"): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 10 }).format(
    amount as unknown as number,
  );
}

/** A whole number, such as a count of days, as the language writes it. */
export function formatInteger(value: number, lang: Lang = "en"): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0 }).format(value);
}

/** "2024-02" reads "February 2024" ("лютий 2024 р."): no more precision than the source gave. */
export function formatPartialDate(date: PartialDate, lang: Lang = "en"): string {
  const [year, month, day] = date.split("-");
  if (!month) return year as string;
  const at = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
    ...(day ? { day: "numeric" } : {}),
  }).format(at);
}

/** An ISO timestamp as a reader would cite it: "14 May 2025, 10:32 UTC". */
export function formatTimestamp(iso: string, lang: Lang = "en"): string {
  return `${formatPartialDate(iso.slice(0, 10), lang)}, ${iso.slice(11, 16)} UTC`;
}

/** A ratio the API computed (0.375) as a share: "37.5%" ("37,5%"). */
export function formatRatio(ratio: number, lang: Lang = "en"): string {
  return new Intl.NumberFormat(locales[lang], { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

/** An exact amount in the same measure as another: the API gives fulfilment figures as bare decimals. */
export function inMeasureOf(measure: Measure, amount: string): Measure {
  return measure.kind === "money" ? { ...measure, amount } : { ...measure, count: amount };
}

/** An ISO timestamp as a reader would cite it, in UTC so two readers cite the same moment: "14 May 2025, 10:32 UTC". */
export function formatMoment(lang: Lang, iso: string): string {
  const text = new Intl.DateTimeFormat(locales[lang], {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(new Date(iso));
  return `${text} UTC`;
}

const ukrainianPlural = new Intl.PluralRules("uk-UA");

/** The Ukrainian noun form for a count: 1 запис, 2 записи, 5 записів (21 запис, 22 записи, 25 записів). */
export function pluralUk(n: number, one: string, few: string, many: string): string {
  const rule = ukrainianPlural.select(n);
  return rule === "one" ? one : rule === "few" ? few : rule === "many" ? many : few;
}
