import { type ChartLang, labels } from "./labels.ts";

// ---------------------------------------------------------------------------------------------------------------
// XML text

/**
 * Text and attribute values as XML: the five special characters as entities, and the characters XML 1.0 cannot
 * hold at all (control characters, lone surrogates) left out, so a hostile or damaged label can neither inject
 * markup nor make the document unreadable.
 */
export function escapeXml(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i] as string;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + text[i + 1];
        i++;
      }
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      code === 0xfffe ||
      code === 0xffff
    )
      continue;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else if (ch === "'") out += "&apos;";
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Exact decimals: the API's amounts are decimal strings, and a chart's words must repeat them exactly

interface Scaled {
  units: bigint;
  places: number;
}

function parseDecimal(value: string): Scaled {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new Error(`Not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign ? -units : units, places: fraction.length };
}

function rescale(d: Scaled, places: number): bigint {
  return d.units * 10n ** BigInt(places - d.places);
}

function printDecimal(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const fraction = places ? `.${digits.slice(digits.length - places)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** a + b exactly, with as many decimal places as the more precise of the two. */
export function addDecimals(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const places = Math.max(x.places, y.places);
  return printDecimal(rescale(x, places) + rescale(y, places), places);
}

/** A decimal string as a number, for positions on the chart (never for its words). */
export function decimalValue(value: string): number {
  parseDecimal(value);
  return Number(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Amounts in words

const symbols: Record<string, string> = { EUR: "€", USD: "$" };
const nbsp = "\u00a0";

/** A number as the language writes it, the currency before it (English) or after it (Ukrainian). */
function withCurrency(number: string, currency: string | null | undefined, lang: ChartLang): string {
  if (!currency) return number;
  const negative = number.startsWith("-");
  const magnitude = negative ? number.slice(1) : number;
  const sign = negative ? "-" : "";
  const symbol = symbols[currency];
  if (lang === "uk") return `${number}${nbsp}${symbol ?? currency}`;
  return symbol ? `${sign}${symbol}${magnitude}` : `${sign}${currency}${nbsp}${magnitude}`;
}

function groupThousands(whole: string, separator: string): string {
  let out = "";
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += separator;
    out += whole[i];
  }
  return out;
}

/**
 * An exact amount, every digit of the decimal string kept: "€1,234,567.50", «1 234 567,50 €», "1,200" (a
 * quantity, whose unit the chart names elsewhere).
 */
export function formatAmount(value: string, currency: string | null | undefined, lang: ChartLang): string {
  parseDecimal(value);
  const l = labels[lang];
  const negative = value.startsWith("-");
  const [whole = "0", fraction] = (negative ? value.slice(1) : value).split(".");
  const number = `${negative ? "-" : ""}${groupThousands(whole, l.groupSeparator)}${fraction === undefined ? "" : l.decimalSeparator + fraction}`;
  return withCurrency(number, currency, lang);
}

/** How an axis writes its amounts: one scale and one number of decimals for all of its ticks. */
export interface AmountScale {
  divisor: number;
  suffix: "" | "thousand" | "million" | "billion";
  decimals: number;
}

/** The scale for ticks up to `largest`, `step` apart: "€0.5 bn", "€1.0 bn", … rather than "€500 m", "€1 bn". */
export function amountScale(largest: number, step: number): AmountScale {
  const magnitude = Math.abs(largest);
  const [divisor, suffix] =
    magnitude >= 1e9
      ? ([1e9, "billion"] as const)
      : magnitude >= 1e6
        ? ([1e6, "million"] as const)
        : // Below ten thousand the digits read better than "5 k".
          magnitude >= 1e4
          ? ([1e3, "thousand"] as const)
          : ([1, ""] as const);
  let decimals = 0;
  const scaledStep = step / divisor;
  while (
    decimals < 3 &&
    Math.abs(Math.round(scaledStep * 10 ** decimals) - scaledStep * 10 ** decimals) > 1e-6
  )
    decimals++;
  return { divisor, suffix, decimals };
}

/** A compact amount for an axis or a label: "€1.2 bn", "€350 m", «1,2 млрд €», "12,000". Zero is "0". */
export function formatCompact(
  value: number,
  currency: string | null | undefined,
  lang: ChartLang,
  scale: AmountScale = amountScale(value, value),
): string {
  if (value === 0) return "0";
  const l = labels[lang];
  const scaled = (value / scale.divisor).toFixed(scale.decimals);
  const negative = scaled.startsWith("-");
  const [whole = "0", fraction] = (negative ? scaled.slice(1) : scaled).split(".");
  const digits = `${negative ? "-" : ""}${groupThousands(whole, l.groupSeparator)}${fraction === undefined ? "" : l.decimalSeparator + fraction}`;
  const number = scale.suffix ? `${digits}${nbsp}${l[scale.suffix]}` : digits;
  return withCurrency(number, currency, lang);
}

// ---------------------------------------------------------------------------------------------------------------
// Axes

/** A round step near `rough`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks from zero (or below, for negative figures) to at least `max`, about `count` intervals, at round steps.
 * `whole`: the figures count items, so no tick falls between two whole numbers.
 */
export function niceTicks(min: number, max: number, count: number, whole = false): number[] {
  const low = Math.min(0, min);
  let high = Math.max(0, max);
  if (high === low) high = low + (whole ? count : 1);
  let step = niceStep((high - low) / Math.max(1, count));
  if (whole && step < 1) step = 1;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  // toPrecision drops the float noise of i × step (0.30000000000000004).
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)) || 0);
  return ticks;
}

// ---------------------------------------------------------------------------------------------------------------
// Periods

/** A period as the language writes it: "2024-03" and "2024" as they are, "2024-Q1" or «1 кв. 2024». */
export function periodLabel(period: string, lang: ChartLang): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  return quarter ? labels[lang].quarter(quarter[1] as string, quarter[2] as string) : period;
}

/** The position of a period on a calendar count of its interval, so labels can fall on round periods. */
export function periodOrdinal(period: string): number | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return Number(month[1]) * 12 + Number(month[2]) - 1;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return Number(quarter[1]) * 4 + Number(quarter[2]) - 1;
  const year = /^(\d{4})$/.exec(period);
  return year ? Number(year[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Text widths: estimated, never measured, so the chart is the same wherever it is drawn

const narrow = new Set(" .,:;'’!|()[]ijlIftr1-\u00a0і");
const wide = new Set("mwMW@%—ШЩЖЮФшщжюфЫы");

/** The width of a text in DejaVu Sans, erring wide: the font's advance widths in classes of characters. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const ch of text) {
    if (narrow.has(ch)) ems += 0.34;
    else if (wide.has(ch)) ems += 0.98;
    else if (/\d/.test(ch)) ems += 0.64;
    else if (ch !== ch.toLowerCase()) ems += 0.74;
    else ems += 0.63;
  }
  return ems * fontSize * (bold ? 1.1 : 1);
}

/**
 * A text broken into lines of at most `maxWidth`, at spaces where it can; past `maxLines` the last line ends
 * with "…".
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  { bold = false, maxLines = 1 }: { bold?: boolean; maxLines?: number } = {},
): string[] {
  const fits = (line: string) => textWidth(line, fontSize, bold) <= maxWidth;
  const ellipsise = (line: string) => {
    let cut = line;
    while (cut && !fits(`${cut}…`)) cut = [...cut].slice(0, -1).join("").trimEnd();
    return `${cut}…`;
  };
  // Split at plain spaces only: no-break spaces hold "€1.2 bn" together.
  const words = text.split(" ").filter((word) => word !== "");
  const lines: string[] = [];
  let next = 0;
  while (next < words.length && lines.length < maxLines) {
    let line = words[next++] as string;
    while (next < words.length && fits(`${line} ${words[next]}`)) line += ` ${words[next++]}`;
    lines.push(line);
  }
  // A word too long for a line, or words left over after the last line, end in "…".
  return lines.map((line, n) =>
    fits(line) && !(n === lines.length - 1 && next < words.length) ? line : ellipsise(line),
  );
}

/** A coordinate with one decimal at most, and never "-0": the same figure always prints the same. */
export function coord(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}
