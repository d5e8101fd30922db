import {
  categoryIds,
  categoryTerms,
  completeUrl,
  confidenceIds,
  confidenceTerms,
  isoStates,
  measureBasisIds,
  measureBasisTerms,
  organisations,
  quantityUnitIds,
  quantityUnitTerms,
  readAmount,
  sourceKindIds,
  sourceKindTerms,
  stageIds,
  stageTerms,
  type Terms,
  termByWords,
  type VocabularyLang,
} from "@commitments/core";
import { partyByName } from "./parties.ts";
import { type TemplateRow, templateRows } from "./template.ts";
import type { TemplateColumnName } from "./template-columns.ts";
import type { ImportedRecords } from "./types.ts";

/*
 * The template as a clerk fills it in: names instead of codes, amounts grouped and dates day first in the page's
 * language. The example sheet is written this way, and the drop-downs offer these words. `readClerkCells` reads
 * every one of them back to the canonical value.
 */

/** A term's label, if it names that id alone (else its id, which always does). */
function wordFor<Id extends string>(terms: Terms<Id>, id: Id, lang: VocabularyLang): string {
  const label = terms[id][lang].label;
  return termByWords(terms, label) === id ? label : id;
}

const coded: Partial<Record<TemplateColumnName, { ids: readonly string[]; terms: Terms<string> }>> = {
  category: { ids: categoryIds, terms: categoryTerms },
  stage: { ids: stageIds, terms: stageTerms },
  confidence: { ids: confidenceIds, terms: confidenceTerms },
  measure_basis: { ids: measureBasisIds, terms: measureBasisTerms },
  unit: { ids: quantityUnitIds, terms: quantityUnitTerms },
  source_kind: { ids: sourceKindIds, terms: sourceKindTerms },
};

/** The words a clerk may pick in each coded column: parties by name, terms by label, in the page's language. */
export function templateChoices(
  lang: VocabularyLang,
): Partial<Record<TemplateColumnName, readonly string[]>> {
  const collator = new Intl.Collator(lang);
  const parties = [...isoStates(), ...organisations]
    .map((p) => (lang === "uk" ? (p.nameUk ?? p.name) : p.name))
    .filter((name) => partyByName(name) !== undefined)
    .sort(collator.compare);
  const choices: Partial<Record<TemplateColumnName, readonly string[]>> = {
    donor: parties,
    recipient: parties,
    record: ["commitment", "tranche", "event", "source", "condition"],
    synthetic: lang === "uk" ? ["ні", "так"] : ["no", "yes"],
  };
  for (const [column, { ids, terms }] of Object.entries(coded)) {
    choices[column as TemplateColumnName] = ids.map((id) => wordFor(terms, id, lang));
  }
  return choices;
}

/** An amount grouped as the language writes it: 1,500,000,000.50 or 1 500 000 000,50. */
function grouped(amount: string, lang: VocabularyLang): string {
  const [whole = "", fraction] = amount.replace(/^-/, "").split(".");
  const groups = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "uk" ? " " : ",");
  const sign = amount.startsWith("-") ? "-" : "";
  // A lone group mark before three digits with no fraction reads two ways without the language: keep it plain.
  const text = fraction ? `${groups}${lang === "uk" ? "," : "."}${fraction}` : groups;
  const written = sign + text;
  // A figure that would read two ways without the language ("1,500", "150,000") is kept as stored.
  const read = readAmount(written);
  return read.ok && read.value.amount === amount ? written : amount;
}

/** A date day first, as in the UK and in Ukraine: 31/03/2027; a month or a year as written. */
function dayFirst(date: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return day ? `${day[3]}/${day[2]}/${day[1]}` : date;
}

/** The template rows of `records`, written as a clerk would in `lang`. */
export function clerkRows(records: ImportedRecords, lang: VocabularyLang): TemplateRow[] {
  const parties = new Map(
    [...isoStates(), ...organisations].map((p) => [p.id, lang === "uk" ? (p.nameUk ?? p.name) : p.name]),
  );
  return templateRows(records).map((row) => {
    const out: TemplateRow = { ...row };
    for (const column of ["donor", "recipient"] as const) {
      const id = row[column];
      const name = id ? parties.get(id) : undefined;
      if (name && partyByName(name) === id) out[column] = name;
    }
    for (const [column, { terms }] of Object.entries(coded) as [
      TemplateColumnName,
      { terms: Terms<string> },
    ][]) {
      const id = row[column];
      if (id) out[column] = wordFor(terms, id, lang);
    }
    if (row.amount) out.amount = grouped(row.amount, lang);
    for (const column of ["date", "period_start", "period_end", "source_published"] as const) {
      const value = row[column];
      if (value) out[column] = dayFirst(value);
    }
    if (row.synthetic)
      out.synthetic =
        row.synthetic === "true" ? (lang === "uk" ? "так" : "yes") : lang === "uk" ? "ні" : "no";
    const bare = row.source_url?.replace(/^https:\/\//, "");
    if (bare && completeUrl(bare) === row.source_url) out.source_url = bare;
    return out;
  });
}
