import {
  categoryTerms,
  completeUrl,
  confidenceTerms,
  isStateCode,
  measureBasisTerms,
  organisations,
  quantityUnitTerms,
  readAmount,
  readPartialDate,
  sourceKindTerms,
  stageTerms,
  type Terms,
  termByWords,
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

const termColumns: Partial<Record<TemplateColumnName, { terms: Terms<string>; example: string }>> = {
  category: { terms: categoryTerms, example: "Air defence (or air_defence)" },
  stage: { terms: stageTerms, example: "delivered" },
  confidence: { terms: confidenceTerms, example: "reported_by_donor" },
  measure_basis: { terms: measureBasisTerms, example: "total" },
  unit: { terms: quantityUnitTerms, example: "systems" },
  source_kind: { terms: sourceKindTerms, example: "official_statement" },
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
    else
      refuse(column, value, "expected a country or organisation, by name (United Kingdom) or code (GB, EU)");
  }
  for (const [column, { terms, example }] of Object.entries(termColumns) as [
    TemplateColumnName,
    { terms: Terms<string>; example: string },
  ][]) {
    const value = cells[column]?.trim();
    if (!value) continue;
    const id = termByWords(terms, value);
    if (id) out[column] = id;
    else if (id === null)
      refuse(column, value, `"${value}" names more than one ${column}: write its id, e.g. ${example}`);
    // Unknown words are left to the schema, whose message lists every accepted value.
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
