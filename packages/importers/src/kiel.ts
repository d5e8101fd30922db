import {
  type CategoryId,
  type CommitmentRecord,
  type Confidence,
  compare,
  multiply,
  type PartialDate,
  type PartyId,
  type StageEvent,
  stateByAlpha3,
  sum,
} from "@commitments/core";
import { type CsvRecord, isBlank, readCsv } from "./csv.ts";
import { partyByName, partyName } from "./parties.ts";
import { commitmentSchema, decimalFromText, eventSchema, type Locate, validate } from "./records.ts";
import { decodeText, encodingProblem, excerpt } from "./text.ts";
import {
  type ByteSource,
  type CommonImportOptions,
  defaultMaxCellLength,
  type ImportItem,
  type ImportProblem,
} from "./types.ts";

export const kielDataExplorerImporterVersion = "kiel-data-explorer/1";
export const kielWeaponsImporterVersion = "kiel-weapons/1";
export const kielPublisher = "Kiel Institute for the World Economy";
export const kielTrackerUrl = "https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/";

/** A release of the Ukraine Support Tracker, as `kiel-release_info.csv` gives it. Every imported figure cites it. */
export interface KielRelease {
  release: string;
  /** The month the release's data run to ("04/2026" → "2026-04"). */
  period: PartialDate;
  /** The release date. */
  published: PartialDate;
  /** "Ukraine Support Tracker, Release 29 (04/2026)": the title every figure's source carries. */
  label: string;
}

export interface KielOptions extends CommonImportOptions {
  /** The release the file belongs to (read it with `readKielRelease`). Required: every figure carries it. */
  release: KielRelease;
  url?: string;
  /** Default "reported_by_donor": Kiel compiles what governments announce and report. */
  confidence?: Confidence;
}

// ---------------------------------------------------------------------------------------------------------------
// Release info

/** Reads `kiel-release_info.csv`: the release, its data period, its date and its label. */
export async function readKielRelease(
  input: ByteSource,
): Promise<{ ok: true; release: KielRelease } | { ok: false; problems: ImportProblem[] }> {
  const rows: CsvRecord[] = [];
  for await (const record of readCsv(decodeText(input, "utf-8"), { maxCellLength: 1000, maxCells: 50 })) {
    if (!isBlank(record)) rows.push(record);
    if (rows.length === 2) break;
  }
  const [header, values] = rows;
  if (!header || !values) return { ok: false, problems: [{ row: 0, message: "no release row in the file" }] };
  const cell = (name: string) => (values.cells[header.cells.indexOf(name)] ?? "").trim();
  const problems: ImportProblem[] = [];
  const period = /^(\d{2})\/(\d{4})$/.exec(cell("period"));
  if (!period)
    problems.push({ row: values.line, column: "period", value: cell("period"), message: "expected MM/YYYY" });
  const published = cell("date");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    problems.push({ row: values.line, column: "date", value: published, message: "expected YYYY-MM-DD" });
  }
  if (cell("label") === "")
    problems.push({ row: values.line, column: "label", message: "the release has no label" });
  if (problems.length > 0 || !period) return { ok: false, problems };
  return {
    ok: true,
    release: {
      release: cell("release"),
      period: `${period[2]}-${period[1]}`,
      published,
      label: cell("label"),
    },
  };
}

export function kielSource(options: KielOptions, locator: string) {
  return {
    title: options.release.label,
    kind: "dataset" as const,
    publisher: kielPublisher,
    url: options.url ?? kielTrackerUrl,
    published: options.release.published,
    locator: locator.slice(0, 300),
  };
}

/** Reads a Kiel CSV: header first, then rows, with the cell problems the CSV reader found. */
export async function* kielRows(
  input: ByteSource,
  options: KielOptions,
  required: readonly string[],
): AsyncGenerator<
  | { kind: "fatal"; item: ImportItem }
  | { kind: "row"; line: number; cell: (name: string) => string; problems: ImportProblem[] }
> {
  let header: string[] | undefined;
  for await (const record of readCsv(decodeText(input, "utf-8"), {
    maxCellLength: options.maxCellLength ?? defaultMaxCellLength,
  })) {
    if (isBlank(record) && record.problems.length === 0) continue;
    if (!header) {
      header = record.cells.map((c) => c.trim().toLowerCase());
      const missing = required.filter((name) => !header?.includes(name));
      if (missing.length > 0) {
        yield {
          kind: "fatal",
          item: {
            row: record.line,
            problems: missing.map((name) => ({
              row: record.line,
              column: name,
              message: "the header has no such column",
            })),
          },
        };
        return;
      }
      continue;
    }
    const columns = header;
    const problems: ImportProblem[] = record.problems.map((p) => ({
      row: record.line,
      column: columns[p.cell] ?? `column ${p.cell + 1}`,
      message: p.message,
    }));
    if (record.cells.length !== columns.length) {
      problems.push({
        row: record.line,
        message: `the row has ${record.cells.length} cells and the header ${columns.length}: a truncated or shifted row`,
      });
    }
    record.cells.forEach((value, i) => {
      const column = columns[i] ?? `column ${i + 1}`;
      const wrong = encodingProblem(record.line, column, value, "utf-8");
      if (wrong) problems.push(wrong);
      if (/^[=+@\t\r]/.test(value)) {
        problems.push({
          row: record.line,
          column,
          value: excerpt(value),
          message: "a cell starting with =, +, @, tab or CR: refused as a possible spreadsheet formula",
        });
      }
    });
    const cells = record.cells;
    yield {
      kind: "row",
      line: record.line,
      cell: (name) => (cells[columns.indexOf(name)] ?? "").trim(),
      problems,
    };
  }
  // An empty file is not an empty import: it is not Kiel's file at all.
  if (!header) {
    yield {
      kind: "fatal",
      item: { row: 0, problems: [{ row: 0, message: "the file has no header row: it is empty" }] },
    };
  }
}

export function donorOf(country: string, iso: string): PartyId | undefined {
  return (iso === "" ? undefined : stateByAlpha3(iso)?.id) ?? partyByName(country);
}

// ---------------------------------------------------------------------------------------------------------------
// data_explorer

/** The aid types of Kiel's monthly allocations, and the tracker category each is filed under. */
export const kielAidTypes = ["financial", "humanitarian", "military"] as const;
export type KielAidType = (typeof kielAidTypes)[number];

export interface KielDataExplorerOptions extends KielOptions {
  /**
   * The stage Kiel's "commitments" (aid promised) are recorded at. Default "committed": Kiel counts only aid a
   * government has officially committed with a value, not vague announcements. Pass "pledged" to record them as
   * announcements instead.
   */
  commitmentsStage?: "committed" | "pledged";
  /**
   * Categories for each line. Defaults: financial → funding, humanitarian → humanitarian, military → military
   * (military aid Kiel values in euros and does not break down by type), and the commitments of all types
   * together → all_types (Kiel does not split them by type).
   */
  categories?: Partial<Record<KielAidType | "all", CategoryId>>;
}

export const defaultKielCategories: Readonly<Record<KielAidType | "all", CategoryId>> = {
  financial: "funding",
  humanitarian: "humanitarian",
  military: "military",
  all: "all_types",
};

interface DonorLine {
  key: KielAidType | "all";
  amounts: string[];
  first: { line: number; month: string };
  last: { line: number; month: string };
}

interface DonorGroup {
  donor: PartyId;
  country: string;
  items: ImportItem[];
  lines: Map<KielAidType | "all", DonorLine>;
  months: Set<string>;
}

/**
 * Reads Kiel's `data_explorer` CSV: one row per donor and month, in billions of euros. Kiel separates commitments
 * (aid promised; not split by type in this file) from allocations (aid delivered or earmarked in concrete
 * packages, split into financial, humanitarian and military). Per donor this gives four lines: the commitments,
 * with a committed event per month, and one line per aid type, with an allocated event per month. Amounts are
 * converted exactly from billions to euros; empty and zero months give no event; `total`, `to_be_allocated`
 * and the GDP columns are derived by Kiel and not imported. The file is grouped by donor, so a donor's rows are held
 * until the next donor starts: its lines, sized by the sum of their events, then come before their events.
 *
 * Every layout Kiel has published is read: earlier releases had no `commitments` column (then there is no
 * commitments line: the file says nothing of them, which is not a zero) or no `to_be_allocated`. Ids are the
 * donor, the line and the month ("kiel-de-military-2024-03"), the same in every release, so a later release's
 * import corrects an earlier one's figures rather than adding to them.
 */
export async function* parseKielDataExplorer(
  input: ByteSource,
  options: KielDataExplorerOptions,
): AsyncGenerator<ImportItem> {
  const stage = options.commitmentsStage ?? "committed";
  const categories = { ...defaultKielCategories, ...options.categories };
  const confidence = options.confidence ?? "reported_by_donor";
  let group: DonorGroup | undefined;
  const finished = new Set<PartyId>();
  const close = (): ImportItem[] => {
    if (!group) return [];
    const done = group;
    group = undefined;
    finished.add(done.donor);
    return withDonorLines(done, categories, stage, options);
  };
  for await (const row of kielRows(input, options, [
    "country",
    "year",
    "month",
    "financial",
    "humanitarian",
    "military",
  ])) {
    if (row.kind === "fatal") {
      yield row.item;
      return;
    }
    const { line, cell, problems } = row;
    const country = cell("country");
    const donor = donorOf(country, cell("iso"));
    if (donor === undefined) {
      problems.push({
        row: line,
        column: "country",
        value: excerpt(country),
        message: "not a donor the tracker knows",
      });
    }
    if (donor !== undefined && donor !== group?.donor) {
      yield* close();
      if (finished.has(donor)) {
        problems.push({
          row: line,
          column: "country",
          value: country,
          message:
            "the donor's rows are not together: Kiel's file is sorted by donor, this row comes after another donor's",
        });
      } else group = { donor, country, items: [], lines: new Map(), months: new Set() };
    }
    const year = cell("year");
    const monthNumber = cell("month");
    const month =
      /^\d{4}$/.test(year) && /^(0?[1-9]|1[0-2])$/.test(monthNumber)
        ? `${year}-${monthNumber.padStart(2, "0")}`
        : undefined;
    if (!/^\d{4}$/.test(year))
      problems.push({ row: line, column: "year", value: excerpt(year), message: "expected a year" });
    if (month === undefined && /^\d{4}$/.test(year)) {
      problems.push({
        row: line,
        column: "month",
        value: excerpt(monthNumber),
        message: "expected a month, 1 to 12",
      });
    }
    if (month !== undefined && group && donor === group.donor) {
      if (group.months.has(month)) {
        problems.push({
          row: line,
          column: "month",
          value: monthNumber,
          message: `a second row for ${country} in ${month}`,
        });
      }
      group.months.add(month);
    }
    const figures: { key: KielAidType | "all"; column: string; billions: string; euros: string }[] = [];
    for (const [key, column] of [
      ...kielAidTypes.map((t) => [t, t] as const),
      ["all", "commitments"] as const,
    ]) {
      const text = cell(column);
      if (text === "" || text.toUpperCase() === "NA") continue;
      const billions = decimalFromText(text);
      if (billions === null) {
        problems.push({
          row: line,
          column,
          value: excerpt(text),
          message: "expected a number (billions of euros)",
        });
        continue;
      }
      if (billions.startsWith("-")) {
        problems.push({
          row: line,
          column,
          value: text,
          message: "a negative figure: the tracker records figures, not corrections between months",
        });
        continue;
      }
      if (billions === "0") continue;
      figures.push({ key, column, billions, euros: multiply(billions, "1000000000") });
    }
    if (problems.length > 0 || !group || donor !== group.donor || month === undefined) {
      const item: ImportItem = { row: line, problems };
      // Kept with the open donor's rows, so items come out in the file's order.
      if (group && (donor === group.donor || donor === undefined)) group.items.push(item);
      else yield item;
      continue;
    }
    // `total` is Kiel's sum of the three types; if it disagrees, the types are imported and a reviewer told.
    const warnings: ImportProblem[] = [];
    const total = decimalFromText(cell("total"));
    const parts = kielAidTypes.map((t) => decimalFromText(cell(t)) ?? "0");
    if (total !== null && compare(total, sum(parts)) !== 0) {
      warnings.push({
        row: line,
        column: "total",
        value: cell("total"),
        message: `Kiel's total differs from the sum of financial, humanitarian and military (${sum(parts)}): the three are imported`,
      });
    }
    const events: StageEvent[] = [];
    const eventProblems: ImportProblem[] = [];
    const donorSlug = group.donor.toLowerCase();
    for (const figure of figures) {
      const lineId = `kiel-${donorSlug}-${figure.key === "all" ? "commitments" : figure.key}`;
      const event = {
        id: `${lineId}-${month}`,
        commitment: lineId,
        stage: figure.key === "all" ? stage : "allocated",
        date: month,
        measure: { kind: "money", amount: figure.euros, currency: "EUR" },
        confidence,
        sources: [
          kielSource(options, `data_explorer, row ${line}: ${country}, ${month}, column ${figure.column}`),
        ],
        note:
          figure.key === "all"
            ? `Kiel commitments (aid promised, all types) in ${month}: EUR ${figure.billions} bn as published.`
            : `Kiel allocations (aid delivered or earmarked in concrete packages), ${figure.key}, in ${month}: EUR ${figure.billions} bn as published.`,
      };
      const locate: Locate = () => ({ row: line, column: figure.column, value: figure.billions });
      const result = validate(eventSchema, event, locate);
      if (!result.ok) {
        eventProblems.push(...result.problems);
        continue;
      }
      events.push(result.value);
      const entry = group.lines.get(figure.key);
      if (entry) {
        entry.amounts.push(figure.euros);
        entry.last = { line, month };
      } else {
        group.lines.set(figure.key, {
          key: figure.key,
          amounts: [figure.euros],
          first: { line, month },
          last: { line, month },
        });
      }
    }
    group.items.push(
      eventProblems.length > 0
        ? { row: line, problems: eventProblems }
        : {
            row: line,
            records: { commitments: [], tranches: [], events },
            ...(warnings.length > 0 ? { warnings } : {}),
          },
    );
  }
  yield* close();
}

/** A donor's held items, with its lines (commitment records) put in the first item that holds records. */
function withDonorLines(
  group: DonorGroup,
  categories: Record<KielAidType | "all", CategoryId>,
  stage: "committed" | "pledged",
  options: KielOptions,
): ImportItem[] {
  const commitments: CommitmentRecord[] = [];
  const problems: ImportProblem[] = [];
  const name = partyName(group.donor);
  for (const line of group.lines.values()) {
    const id = `kiel-${group.donor.toLowerCase()}-${line.key === "all" ? "commitments" : line.key}`;
    const record = {
      id,
      donor: group.donor,
      title:
        line.key === "all"
          ? `${name}: aid ${stage} to Ukraine, all types, by month (Kiel Ukraine Support Tracker)`
          : `${name}: ${line.key} aid allocated to Ukraine, by month (Kiel Ukraine Support Tracker)`,
      category: categories[line.key],
      measure: { kind: "money", amount: sum(line.amounts), currency: "EUR" },
      period: { start: line.first.month, end: line.last.month },
      sources: [
        kielSource(
          options,
          `data_explorer, rows ${line.first.line}–${line.last.line}: ${group.country}, column ${line.key === "all" ? "commitments" : line.key}`,
        ),
      ],
    };
    const result = validate(commitmentSchema, record, () => ({ row: line.first.line, column: line.key }));
    if (result.ok) commitments.push(result.value);
    else problems.push(...result.problems);
  }
  const items = [...group.items];
  const first = items.findIndex((item) => "records" in item);
  if (problems.length > 0) items.unshift({ row: items[0]?.row ?? 0, problems });
  else if (first !== -1) {
    const item = items[first] as Extract<ImportItem, { records: unknown }>;
    items[first] = { ...item, records: { ...item.records, commitments } };
  }
  return items;
}
