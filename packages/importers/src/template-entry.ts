import {
  categoryTerms,
  completeUrl,
  confidenceTerms,
  isoStates,
  isStateCode,
  measureBasisTerms,
  normaliseWords,
  organisations,
  quantityUnitTerms,
  readAmount,
  readPartialDate,
  sourceKindTerms,
  stageTerms,
  type Terms,
  termByWords,
  type VocabularyLang,
} from "@commitments/core";
import { partyByName } from "./parties.ts";
import type { TemplateColumnName } from "./template-columns.ts";
import { excerpt } from "./text.ts";
import type { ImportProblem } from "./types.ts";

/*
 * A template filled in by a clerk rather than a program: names where the template has codes ("United Kingdom",
 * "Air defence", "Delivered"), amounts and dates as people write them ("1,500,000,000", "1 250 000,50",
 * "31/03/2027"), addresses without "https://". Each cell is read into the canonical value the tracker stores, or
 * refused in plain words naming the forms it takes. A canonical cell reads as itself, so exports import back.
 */

type Cells = Partial<Record<TemplateColumnName, string>>;

/** The coded columns a term of a family fills, and what the column's value is called in a problem. */
const termColumns: Partial<Record<TemplateColumnName, { terms: Terms<string>; noun: string }>> = {
  category: { terms: categoryTerms, noun: "category" },
  stage: { terms: stageTerms, noun: "stage" },
  confidence: { terms: confidenceTerms, noun: "confidence" },
  measure_basis: { terms: measureBasisTerms, noun: "measure basis" },
  unit: { terms: quantityUnitTerms, noun: "unit" },
  source_kind: { terms: sourceKindTerms, noun: "source kind" },
};
const dateColumns: readonly TemplateColumnName[] = ["date", "period_start", "period_end", "source_published"];
const organisationIds = new Set(organisations.map((o) => o.id));
const booleans: Record<string, string> = { yes: "true", no: "false", так: "true", ні: "false" };
const currencySymbols: Record<string, string> = { "£": "GBP", "€": "EUR", $: "USD", "₴": "UAH", "¥": "JPY" };

/** The cells read into canonical values, and the problems of those that could not be. */
export function readClerkCells(row: number, cells: Cells): { cells: Cells; problems: ImportProblem[] } {
  const out: Cells = { ...cells };
  const problems: ImportProblem[] = [];
  const refuse = (column: TemplateColumnName, value: string, message: string) =>
    problems.push({ row, column, value: excerpt(value), message });

  for (const column of ["donor", "recipient"] as const) {
    const value = cells[column]?.trim();
    if (!value || isStateCode(value) || organisationIds.has(value)) continue;
    const party = partyByName(value);
    if (party) out[column] = party;
    else refuse(column, value, unknownParty(value));
  }
  for (const [column, { terms, noun }] of Object.entries(termColumns) as [
    TemplateColumnName,
    { terms: Terms<string>; noun: string },
  ][]) {
    const value = cells[column]?.trim();
    if (!value) continue;
    const id = termByWords(terms, value);
    if (id) out[column] = id;
    else if (id === null) {
      // The drop-down offers such a term by its id: name the ids the words could mean.
      const meant = Object.keys(terms).filter((i) => sameWords(terms, i, value));
      refuse(column, value, `"${value}" names more than one ${noun}: write the one meant, ${choices(meant)}`);
    } else refuse(column, value, unknownTerm(terms, noun, value));
  }
  const currency = cells.currency?.trim();
  if (currency) out.currency = currencySymbols[currency] ?? currency.toUpperCase();
  for (const column of ["amount", "quantity"] as const) {
    const value = cells[column]?.trim();
    if (!value) continue;
    const read = readAmount(value);
    if (!read.ok) {
      refuse(column, value, read.error.message);
      continue;
    }
    out[column] = read.value.amount;
    const named = read.value.currency;
    if (column === "amount" && named) {
      if (!out.currency) out.currency = named;
      else if (out.currency !== named)
        refuse(
          "currency",
          out.currency,
          `the amount is in ${named}, the currency column says ${out.currency}`,
        );
    }
  }
  for (const column of dateColumns) {
    const value = cells[column]?.trim();
    if (!value) continue;
    const read = readPartialDate(value);
    if (read.ok) out[column] = read.value;
    else refuse(column, value, read.error.message);
  }
  if (cells.source_url?.trim()) out.source_url = completeUrl(cells.source_url);
  const synthetic = cells.synthetic?.trim().toLowerCase();
  if (synthetic) out.synthetic = booleans[synthetic] ?? synthetic;
  return { cells: out, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// What a clerk most likely meant

/** The language a clerk wrote a cell in, as far as its letters tell: Cyrillic is Ukrainian. */
function writtenIn(value: string): VocabularyLang {
  return /[\u0400-\u04ff]/.test(value) ? "uk" : "en";
}

/** "a", "b" or "c". */
function choices(words: readonly string[]): string {
  const each = words.map((w) => `"${w}"`);
  return each.length <= 1 ? each.join("") : `${each.slice(0, -1).join(", ")} or ${each.at(-1)}`;
}

function sameWords(terms: Terms<string>, id: string, value: string): boolean {
  const term = terms[id];
  const typed = normaliseWords(value);
  return [id, id.replaceAll("_", " "), term?.en.label ?? "", term?.uk.label ?? ""].some(
    (w) => normaliseWords(w) === typed,
  );
}

const labelLists = new Map<string, string[]>();

/** A term's labels, in both languages or in `lang`, that name it alone: what a suggestion may offer. */
function termLabels(noun: string, terms: Terms<string>, lang?: VocabularyLang): string[] {
  const key = `${noun}:${lang ?? ""}`;
  let labels = labelLists.get(key);
  if (!labels) {
    labels = Object.entries(terms).flatMap(([id, term]) =>
      (lang ? [term[lang].label] : [term.en.label, term.uk.label]).filter(
        (l) => termByWords(terms, l) === id,
      ),
    );
    labelLists.set(key, labels);
  }
  return labels;
}

function unknownTerm(terms: Terms<string>, noun: string, value: string): string {
  const unknown = `"${value}" is not a ${noun} the tracker knows`;
  const meant = closestWord(value, termLabels(noun, terms));
  if (meant) return `${unknown}: did you mean "${meant}"?`;
  return `${unknown}: write one of ${choices(termLabels(noun, terms, writtenIn(value)))} (the column's drop-down lists them)`;
}

let partyNames: string[] | undefined;

function unknownParty(value: string): string {
  partyNames ??= [...isoStates(), ...organisations]
    .flatMap((p) => [p.name, p.nameUk ?? ""])
    .filter((name) => name !== "" && partyByName(name) !== undefined);
  const unknown = `"${value}" is not a country or organisation the tracker knows`;
  const meant = closestWord(value, partyNames);
  if (meant) return `${unknown}: did you mean "${meant}"?`;
  const example = writtenIn(value) === "uk" ? "Велика Британія" : "United Kingdom";
  return `${unknown}: write its name as the column's drop-down lists it, such as "${example}"`;
}

/** Cells longer than this get no suggestion: no name is that long, and comparing costs length squared. */
const longestSuggested = 100;

/**
 * The word among `words` that `value` most likely misspells: the nearest by edits (a letter added, dropped or
 * changed), if within one edit in four letters; the first such word on a tie. Case, accents and spacing aside.
 */
export function closestWord(value: string, words: readonly string[]): string | undefined {
  const typed = normaliseWords(value);
  if (typed.length === 0 || typed.length > longestSuggested) return undefined;
  // A file may hold many unknown cells: the words are prepared once per list, not once per cell.
  let prepared = preparedLists.get(words);
  if (!prepared) {
    prepared = words.map((word) => {
      const normal = normaliseWords(word);
      return { normal, letters: [...letterCounts(normal)] };
    });
    preparedLists.set(words, prepared);
  }
  const letters = letterCounts(typed);
  let limit = Math.max(1, Math.floor(typed.length / 4));
  let best: string | undefined;
  prepared.forEach(({ normal, letters: theirs }, i) => {
    if (limit < 0 || Math.abs(typed.length - normal.length) > limit) return;
    // Letters one has beyond the other take an edit each: a cheap bound that spares most comparisons.
    let extra = 0;
    for (const [c, n] of theirs) extra += Math.max(0, n - (letters.get(c) ?? 0));
    if (extra > limit || typed.length - (normal.length - extra) > limit) return;
    const edits = editsWithin(typed, normal, limit);
    if (edits === undefined) return;
    best = words[i];
    // Only a nearer word replaces it now.
    limit = edits - 1;
  });
  return best;
}

const preparedLists = new WeakMap<readonly string[], { normal: string; letters: [string, number][] }[]>();

function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** The Levenshtein distance between `a` and `b` if at most `limit`, else undefined, found without going further. */
function editsWithin(a: string, b: string, limit: number): number | undefined {
  if (Math.abs(a.length - b.length) > limit) return undefined;
  let previous = new Int32Array(b.length + 1).map((_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const edits = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      current[j] = edits;
      if (edits < least) least = edits;
    }
    if (least > limit) return undefined;
    [previous, current] = [current, previous];
  }
  const edits = previous[b.length] as number;
  return edits <= limit ? edits : undefined;
}
