import type { Result } from "./result.ts";
import type { Terms, VocabularyLang } from "./vocabulary/index.ts";

/*
 * Forgiving entry, strict storage: what a clerk types (in a form or a spreadsheet) read into the tracker's canonical
 * values, or refused with the exact form expected. Nothing here guesses: a figure that reads two ways is refused.
 */

const currencySymbols: Record<string, string> = { "£": "GBP", "€": "EUR", $: "USD", "₴": "UAH", "¥": "JPY" };
/** Spaces a number is grouped with: space, no-break space, narrow no-break space, thin space; and apostrophes. */
const groupSpaces = /[ \u00a0\u202f\u2009'’]/;

export interface ReadAmount {
  /** Canonical: digits, an optional "." and fraction, an optional leading "-". */
  amount: string;
  /** The currency a symbol or code written beside the figure names ("£", "GBP"), if any. */
  currency?: string;
}

const problem = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

/** Whether `groups` (after the first) are all of three digits, the first of one to three. */
function grouped(groups: string[]): boolean {
  return /^\d{1,3}$/.test(groups[0] ?? "") && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * Reads an amount as written in English ("1,500,000,000", "1500.50") or Ukrainian ("1 250 000,50") use, with a
 * currency symbol or code before or after it. A single separator before exactly three digits ("1,500", "1.500")
 * reads as the page's language writes it; with no language it is refused, since it could be 1500 or 1.5.
 */
export function readAmount(text: string, lang?: VocabularyLang): Result<ReadAmount> {
  let body = text.trim();
  let currency: string | undefined;
  const code = /^([A-Za-z]{3})\s*(?=[-\d])|(?<=\d)\s*([A-Za-z]{3})$/.exec(body);
  if (code) {
    currency = (code[1] ?? code[2] ?? "").toUpperCase();
    body = body.replace(code[0], "").trim();
  }
  const symbol = /^[£€$₴¥]|[£€$₴¥]$/.exec(body);
  if (symbol) {
    const named = currencySymbols[symbol[0]];
    if (currency && currency !== named) {
      return problem("currency", `"${text}" names two currencies`);
    }
    currency = named;
    body = body.replace(symbol[0], "").trim();
  }
  const negative = /^[-−]/.test(body);
  if (negative) body = body.slice(1).trim();
  // Without the page's language (a spreadsheet's cell), both ways a clerk may write it are named.
  const expected =
    lang === "uk" ? "1 250 000,50" : lang === "en" ? "1,250,000.50" : "1,250,000.50, 1 250 000,50";
  if (!/^\d[\d., \u00a0\u202f\u2009'’]*$/.test(body) || /\D$/.test(body)) {
    return problem("amount", `"${text}" is not an amount: write it as ${expected} or 1250000.50`);
  }
  const spaced = groupSpaces.test(body);
  if (
    spaced &&
    !grouped(
      body
        .split(groupSpaces)
        .join("|")
        .replace(/[.,]\d*$/, "")
        .split("|"),
    )
  ) {
    return problem("amount", `"${text}" is grouped unevenly: write it as ${expected} or 1250000.50`);
  }
  body = body.replace(new RegExp(groupSpaces.source, "g"), "");
  const commas = body.split(",").length - 1;
  const dots = body.split(".").length - 1;
  let decimal: "," | "." | undefined;
  if (commas > 0 && dots > 0) decimal = body.lastIndexOf(",") > body.lastIndexOf(".") ? "," : ".";
  else if (commas + dots === 1) {
    const mark = commas ? "," : ".";
    const fraction = body.slice(body.indexOf(mark) + 1);
    if (spaced || fraction.length !== 3) decimal = mark;
    else if (lang === "en") decimal = mark === "." ? "." : undefined;
    else if (lang === "uk") decimal = mark;
    else if (mark === ".") decimal = ".";
    else {
      return problem(
        "amount",
        `"${text}" reads as ${body.replace(",", "")} or as ${body.replace(",", ".")}: write the one meant without the comma, or with a decimal point`,
      );
    }
  }
  const [whole = "", fraction, extra] = decimal ? body.split(decimal) : [body];
  // Without a decimal mark, the mark that repeats groups ("1.500.000").
  const grouping = decimal === "," || (!decimal && dots > 1) ? "." : ",";
  if (extra !== undefined || (fraction !== undefined && !/^\d+$/.test(fraction))) {
    return problem("amount", `"${text}" has more than one decimal mark: write it as ${expected}`);
  }
  const groups = whole.split(grouping);
  if (groups.length > 1 && !grouped(groups)) {
    return problem("amount", `"${text}" is grouped unevenly: write it as ${expected} or 1250000.50`);
  }
  const digits = groups.join("");
  if (!/^\d+$/.test(digits)) return problem("amount", `"${text}" is not an amount: write it as ${expected}`);
  const amount = `${negative ? "-" : ""}${digits}${fraction ? `.${fraction}` : ""}`;
  return { ok: true, value: currency ? { amount, currency } : { amount } };
}

const monthNames = [
  ["january", "jan", "січня", "січень"],
  ["february", "feb", "лютого", "лютий"],
  ["march", "mar", "березня", "березень"],
  ["april", "apr", "квітня", "квітень"],
  ["may", "травня", "травень"],
  ["june", "jun", "червня", "червень"],
  ["july", "jul", "липня", "липень"],
  ["august", "aug", "серпня", "серпень"],
  ["september", "sep", "sept", "вересня", "вересень"],
  ["october", "oct", "жовтня", "жовтень"],
  ["november", "nov", "листопада", "листопад"],
  ["december", "dec", "грудня", "грудень"],
];
const monthByName = new Map(monthNames.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function isValidIsoDate(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(iso);
}

/**
 * Reads a date to the precision written: "2027", "2027-03", "2027-03-31" as they are; day first, as in the UK and
 * in Ukraine, for "31/03/2027", "31.03.2027", "31 March 2027", "31 березня 2027"; "03/2027" and "March 2027" to the
 * month. A date that is not in the calendar is refused, naming the form expected.
 */
export function readPartialDate(text: string): Result<string> {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/ р\.?$/, "");
  const expected = `write it as 31/03/2027, 2027-03-31, 2027-03 or 2027`;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(t)) {
    if (t.length === 10 && !isValidIsoDate(t)) return problem("date", `"${text}" is not in the calendar`);
    if (t.length === 7 && !/-(0[1-9]|1[0-2])$/.test(t)) return problem("date", `"${text}" has no such month`);
    return { ok: true, value: t };
  }
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const monthYear = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  const worded = /^(?:(\d{1,2}) )?([a-zа-яіїєґ]+)\.? (\d{4})$/.exec(t);
  if (numeric) [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  else if (monthYear) [month, year] = [Number(monthYear[1]), Number(monthYear[2])];
  else if (worded && monthByName.has(worded[2] ?? "")) {
    day = worded[1] ? Number(worded[1]) : undefined;
    month = monthByName.get(worded[2] ?? "");
    year = Number(worded[3]);
  } else return problem("date", `"${text}" is not a date: ${expected}`);
  if (month === undefined || year === undefined || month < 1 || month > 12) {
    const swapped =
      numeric && Number(numeric[1]) <= 12
        ? ` (day first: for ${numeric[2]} ${monthNames[Number(numeric[1]) - 1]?.[0]} write ${pad(Number(numeric[2]))}/${pad(Number(numeric[1]))}/${numeric[3]})`
        : "";
    return problem("date", `"${text}" has no month ${month}${swapped}: ${expected}`);
  }
  if (day === undefined) return { ok: true, value: `${year}-${pad(month)}` };
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (!isValidIsoDate(iso)) return problem("date", `"${text}" is not in the calendar: ${expected}`);
  return { ok: true, value: iso };
}

/** A web address written without its scheme ("www.gov.uk/…") completed with https; anything else as written. */
export function completeUrl(text: string): string {
  const t = text.trim();
  if (/^[a-z][a-z\d+.-]*:/i.test(t)) return t;
  return /^[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?$/.test(t) ? `https://${t}` : t;
}

/** Lower case, accents and apostrophe forms unified, spaces collapsed: how names are compared. */
export function normaliseWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’ʼ`]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const termIndexes = new WeakMap<object, Map<string, string | null>>();

/**
 * The id a family's term is written as: its id, or its English or Ukrainian label, in any case. A label two ids
 * share is no answer (null): the caller asks for the id.
 */
export function termByWords<Id extends string>(terms: Terms<Id>, text: string): Id | null | undefined {
  let index = termIndexes.get(terms);
  if (!index) {
    index = new Map();
    for (const [id, term] of Object.entries(terms) as [Id, Terms<Id>[Id]][]) {
      for (const name of new Set(
        [id, id.replaceAll("_", " "), term.en.label, term.uk.label].map(normaliseWords),
      )) {
        const seen = index.get(name);
        index.set(name, seen === undefined || seen === id ? id : null);
      }
    }
    termIndexes.set(terms, index);
  }
  return index.get(normaliseWords(text)) as Id | null | undefined;
}
