import type { CategoryId, CommitmentRecord, StageEvent } from "@commitments/core";
import { type KielOptions, kielRows, kielSource } from "./kiel.ts";
import { partyByName, partyName } from "./parties.ts";
import {
  commitmentSchema,
  decimalFromText,
  eventSchema,
  type Locate,
  shortHash,
  validate,
} from "./records.ts";
import { excerpt } from "./text.ts";
import type { ByteSource, ImportItem, ImportProblem } from "./types.ts";

/* Kiel's heavy-weapons file; its release, rows and donors are read as kiel.ts reads the data explorer's. */

// ---------------------------------------------------------------------------------------------------------------
// weapons

export interface KielWeaponsOptions extends KielOptions {
  /**
   * The stage the heavy-weapons counts are recorded at. Kiel's weapons file names none; the default, "allocated",
   * is Kiel's headline measure since April 2024 (aid delivered or earmarked in concrete packages).
   */
  stage?: "committed" | "allocated" | "delivered";
  /** Kiel's weapon categories mapped to tracker categories; merged over `kielWeaponCategories`. */
  categories?: Record<string, CategoryId>;
}

/** Kiel's heavy-weapon categories and the tracker category each is filed under. */
export const kielWeaponCategories: Readonly<Record<string, CategoryId>> = {
  howitzers: "artillery",
  mlrs: "artillery",
  tanks: "armoured_vehicles.tanks",
  ifv: "armoured_vehicles.infantry_fighting_vehicles",
  apc: "armoured_vehicles.personnel_carriers",
  "air defense": "air_defence.systems",
  "air defence": "air_defence.systems",
};

/**
 * Reads Kiel's `weapons` CSV: per donor and category, the number of heavy weapons, their value in euros and a
 * list such as "CAESAR artillery howitzer (19); Bohdana self-propelled howitzer (18)". Each listed item becomes a
 * commitment counted in items, with one event at the release's data period (the file has no dates: the counts are
 * cumulative to the release). Kiel values the category, not each item, so the value stays in the notes and is
 * never split.
 */
export async function* parseKielWeapons(
  input: ByteSource,
  options: KielWeaponsOptions,
): AsyncGenerator<ImportItem> {
  const stage = options.stage ?? "allocated";
  const categories: Record<string, CategoryId> = { ...kielWeaponCategories };
  for (const [name, category] of Object.entries(options.categories ?? {}))
    categories[name.toLowerCase()] = category;
  const confidence = options.confidence ?? "reported_by_donor";
  for await (const row of kielRows(input, options, [
    "donor",
    "category",
    "number_of_weapons",
    "weapons_list",
  ])) {
    if (row.kind === "fatal") {
      yield row.item;
      return;
    }
    const { line, cell, problems } = row;
    const country = cell("donor");
    const donor = partyByName(country);
    if (donor === undefined) {
      problems.push({
        row: line,
        column: "donor",
        value: excerpt(country),
        message: "not a donor the tracker knows",
      });
    }
    const kielCategory = cell("category");
    const category = categories[kielCategory.toLowerCase()];
    if (category === undefined) {
      problems.push({
        row: line,
        column: "category",
        value: excerpt(kielCategory),
        message: "no tracker category for this Kiel weapon category; map it with the categories option",
      });
    }
    const total = cell("number_of_weapons");
    if (!/^\d{1,9}$/.test(total))
      problems.push({
        row: line,
        column: "number_of_weapons",
        value: excerpt(total),
        message: "expected a whole number",
      });
    const value = cell("monetary_value_eur");
    const euros = value === "" ? null : decimalFromText(value);
    if (value !== "" && (euros === null || euros.startsWith("-"))) {
      problems.push({
        row: line,
        column: "monetary_value_eur",
        value: excerpt(value),
        message: "expected an amount in euros",
      });
    }
    const entries: { item: string; count: number }[] = [];
    const list = cell("weapons_list");
    for (const part of list.split(/\s*;\s*/).filter((p) => p !== "")) {
      const match = /^(.*?)\s*\((\d{1,9})\)$/.exec(part);
      if (!match || (match[1] ?? "") === "") {
        problems.push({
          row: line,
          column: "weapons_list",
          value: excerpt(part),
          message: 'expected "item (count)"',
        });
        continue;
      }
      entries.push({ item: match[1] as string, count: Number(match[2]) });
    }
    if (entries.length === 0 && list === "")
      problems.push({ row: line, column: "weapons_list", message: "no weapons listed" });
    if (problems.length > 0 || donor === undefined || category === undefined) {
      yield { row: line, problems };
      continue;
    }
    const warnings: ImportProblem[] = [];
    const listed = entries.reduce((n, e) => n + e.count, 0);
    if (listed !== Number(total)) {
      warnings.push({
        row: line,
        column: "number_of_weapons",
        value: total,
        message: `the list adds up to ${listed}, not ${total}: the listed items are imported`,
      });
    }
    const commitments: CommitmentRecord[] = [];
    const events: StageEvent[] = [];
    const seen = new Map<string, number>();
    const valueNote =
      euros === null
        ? "Kiel gives no value for them."
        : `Kiel values ${partyName(donor)}'s ${total} ${kielCategory} at EUR ${euros} in all and gives no value per item.`;
    const rowProblems: ImportProblem[] = [];
    for (const entry of entries) {
      const base = `kiel-weapons-${donor.toLowerCase()}-${shortHash([kielCategory.toLowerCase(), entry.item])}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const id = n === 1 ? base : `${base}-${n}`;
      const source = kielSource(options, `weapons, row ${line}: ${country}, ${kielCategory}, ${entry.item}`);
      const measure = { kind: "quantity", count: String(entry.count), unit: "items", item: entry.item };
      const locate: Locate = (path) => ({
        row: line,
        column: path[0] === "donor" ? "donor" : path[0] === "category" ? "category" : "weapons_list",
      });
      const commitment = validate(
        commitmentSchema,
        {
          id,
          donor,
          title: `${entry.item}: heavy weapons from ${partyName(donor)}, ${kielCategory} (Kiel Ukraine Support Tracker)`,
          category,
          measure,
          sources: [source],
        },
        locate,
      );
      const event = validate(
        eventSchema,
        {
          id: `${id}-${stage}`,
          commitment: id,
          stage,
          date: options.release.period,
          measure,
          confidence,
          sources: [source],
          note: `Kiel heavy-weapons list, ${kielCategory}: ${entry.count} ${entry.item}. ${valueNote} The file gives no dates or stage: the count is cumulative to the release's data period, ${options.release.period}, recorded as ${stage}.`,
        },
        locate,
      );
      if (!commitment.ok) rowProblems.push(...commitment.problems);
      else commitments.push(commitment.value);
      if (!event.ok) rowProblems.push(...event.problems);
      else events.push(event.value);
    }
    yield rowProblems.length > 0
      ? { row: line, problems: rowProblems }
      : {
          row: line,
          records: { commitments, tranches: [], events },
          ...(warnings.length > 0 ? { warnings } : {}),
        };
  }
}
