import { IsoDate, outsideDateDomain } from "./dates.ts";
import { ExchangeRate } from "./exchange-rates.ts";
import { CurrencyCode } from "./money.ts";
import type { Problem, Result } from "./result.ts";

export interface RatesCsvProblem extends Problem {
  code: "bad_rates_csv";
  /** 1-based line of the file at fault. */
  line: number;
}

export interface ParsedRatesCsv {
  rates: ExchangeRate[];
  /** Header columns that are not current ISO 4217 codes (the ECB history keeps CYP, SIT, TRL...): left out. */
  skippedCurrencies: string[];
}

const months = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * Reads the ECB reference-rates CSV layout: a header `Date,USD,JPY,...` with one column per currency, then one
 * line per day with the units of each currency per EUR; "N/A" or an empty cell is a gap. Both of the ECB's files
 * are accepted: the history (ISO dates, a trailing comma) and the daily file ("01 March 2024", spaces after commas).
 */
export function parseReferenceRatesCsv(text: string): Result<ParsedRatesCsv, RatesCsvProblem> {
  // Lines starting with "#" are comments: not in the ECB's files, but a file can say where it comes from.
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => (line.startsWith("#") ? "" : line));
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  const header = (lines[headerIndex] ?? "").split(",").map((cell) => cell.trim());
  if (header[0]?.toLowerCase() !== "date") return fail(headerIndex + 1, 'the first column must be "Date"');
  const columns = header.slice(1).map((code) => (CurrencyCode.safeParse(code).success ? code : null));
  const skippedCurrencies = header.slice(1).filter((code, i) => code !== "" && columns[i] === null);
  if (header.includes("EUR")) return fail(headerIndex + 1, "EUR is the base of the table, not a column");
  const rates: ExchangeRate[] = [];
  for (const [index, line] of lines.entries()) {
    if (index <= headerIndex || line.trim() === "") continue;
    const cells = line.split(",").map((cell) => cell.trim());
    const date = isoDay(cells[0] ?? "");
    if (!date.ok) return fail(index + 1, `"${cells[0]}": ${date.error}`);
    for (const [i, currency] of columns.entries()) {
      const value = cells[i + 1] ?? "";
      if (currency === null || value === "" || value.toUpperCase() === "N/A") continue;
      const rate = ExchangeRate.safeParse({ date: date.value, currency, perEur: value });
      if (!rate.success) {
        return fail(
          index + 1,
          `${currency}: ${rate.error.issues[0]?.message ?? "invalid rate"} ("${value}")`,
        );
      }
      rates.push(rate.data);
    }
  }
  return { ok: true, value: { rates, skippedCurrencies } };
}

/** "2024-03-01" or "01 March 2024" (the daily file) as an IsoDate, or what is wrong with it. */
function isoDay(cell: string): Result<IsoDate, string> {
  const match = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(cell);
  const month = match ? months.indexOf((match[2] ?? "").toLowerCase()) + 1 : 0;
  if (match && month === 0) return { ok: false, error: "is not a date" };
  const day = match
    ? `${match[3]}-${String(month).padStart(2, "0")}-${(match[1] ?? "").padStart(2, "0")}`
    : cell;
  const parsed = IsoDate.safeParse(day);
  if (parsed.success) return { ok: true, value: parsed.data };
  // A day out of the domain, or no such day, is said as such; anything else is not a date at all.
  const messages = parsed.error.issues.map((issue) => issue.message);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { ok: false, error: "is not a date" };
  return { ok: false, error: messages.includes(outsideDateDomain) ? outsideDateDomain : "no such day" };
}

function fail(line: number, message: string): { ok: false; error: RatesCsvProblem } {
  return { ok: false, error: { code: "bad_rates_csv", line, message: `line ${line}: ${message}` } };
}
