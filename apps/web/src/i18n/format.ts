import { type Lang, locales } from "./index.ts";

// Numbers, times and dates in the reader's language, through Intl: "1,250" in English is "1 250" in Ukrainian,
// and month names are the language's own.

export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(locales[lang]).format(n);
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

/** "2024-02" reads "February 2024" ("лютий 2024 р."): no more precision than the source gave. */
export function formatPartialDateIn(lang: Lang, date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) return String(year);
  const at = new Date(Date.UTC(year, month - 1, day ?? 1));
  return new Intl.DateTimeFormat(
    locales[lang],
    day === undefined
      ? { month: "long", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  ).format(at);
}

/**
 * An exact decimal string as money, every digit the source gave ("€1,250,000.50"): Intl accepts decimal strings,
 * so the amount never passes through a float.
 */
export function formatMoney(lang: Lang, amount: string, currency: string): string {
  return new Intl.NumberFormat(locales[lang], {
    style: "currency",
    currency,
    maximumFractionDigits: 10,
    ...(amount.includes(".") ? {} : { minimumFractionDigits: 0 }),
  }).format(amount as unknown as number);
}

/** An exact decimal count: "1,500" ("1 500"). */
export function formatDecimal(lang: Lang, value: string): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 10 }).format(
    value as unknown as number,
  );
}

const ukrainianPlural = new Intl.PluralRules("uk-UA");

/** The Ukrainian noun form for a count: 1 запис, 2 записи, 5 записів (21 запис, 22 записи, 25 записів). */
export function pluralUk(n: number, one: string, few: string, many: string): string {
  const rule = ukrainianPlural.select(n);
  return rule === "one" ? one : rule === "few" ? few : rule === "many" ? many : few;
}
