import type { CommitmentRecord, Measure, Source, StageEvent, TrancheRecord } from "@commitments/core";
import { isBlank, isFormulaLike, readCsv, restoreCell } from "./csv.ts";
import { commitmentSchema, eventSchema, type Locate, trancheSchema, validate } from "./records.ts";
import {
  type TemplateColumnName,
  type TemplateRowKind,
  templateColumnNames,
  templateColumns,
  templateExportColumnNames,
  templateRowKinds,
} from "./template-columns.ts";
import { readClerkCells } from "./template-entry.ts";
import { decodeText, encodingProblem, excerpt } from "./text.ts";
import {
  type ByteSource,
  type CommonImportOptions,
  defaultMaxCellLength,
  emptyRecords,
  type ImportedRecords,
  type ImportItem,
  type ImportProblem,
} from "./types.ts";

export const templateImporterVersion = "template/1";

/** A template row by column name; absent and empty cells are the same thing. */
export type TemplateRow = Partial<Record<TemplateColumnName, string>>;

/** A row as read from a CSV or XLSX file, before it is put together with its source and condition rows. */
export interface RawTemplateRow {
  row: number;
  cells: TemplateRow;
  problems: ImportProblem[];
}

// ---------------------------------------------------------------------------------------------------------------
// Records → rows

function measureCells(measure: Measure): TemplateRow {
  return measure.kind === "money"
    ? { amount: measure.amount, currency: measure.currency }
    : { quantity: measure.count, unit: measure.unit, item: measure.item };
}

function sourceCells(source: Source | undefined): TemplateRow {
  if (!source) return {};
  return {
    source_title: source.title,
    source_kind: source.kind,
    source_publisher: source.publisher,
    source_url: source.url,
    source_published: source.published,
    source_locator: source.locator,
    source_quote: source.quote,
  };
}

function extraSources(id: string, sources: readonly Source[]): TemplateRow[] {
  return sources.slice(1).map((source) => ({ record: "source", id, ...sourceCells(source) }));
}

/** The template rows for a batch of records: commitments, then tranches, then events. */
export function templateRows(records: ImportedRecords): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (const c of records.commitments) {
    rows.push({
      record: "commitment",
      id: c.id,
      donor: c.donor,
      recipient: c.recipient,
      agreement: c.agreement,
      category: c.category,
      title: c.title,
      measure_basis: c.measureBasis,
      period_start: c.period?.start,
      period_end: c.period?.end,
      ...measureCells(c.measure),
      synthetic: String(c.synthetic),
      ...sourceCells(c.sources[0]),
    });
    rows.push(...extraSources(c.id, c.sources));
    for (const condition of c.conditions) rows.push({ record: "condition", id: c.id, condition });
  }
  for (const t of records.tranches) {
    rows.push({
      record: "tranche",
      id: t.id,
      commitment: t.commitment,
      date: t.due,
      // The file counts instalments from 1, as the forms and pages do; the record keeps its place from 0.
      position: String(t.position + 1),
      ...measureCells(t.measure),
      note: t.note,
    });
  }
  for (const e of records.events) {
    rows.push({
      record: "event",
      id: e.id,
      commitment: e.commitment,
      stage: e.stage,
      date: e.date,
      period_start: e.period?.start,
      period_end: e.period?.end,
      ...measureCells(e.measure),
      confidence: e.confidence,
      note: e.note,
      synthetic: String(e.synthetic),
      ...sourceCells(e.sources[0]),
    });
    rows.push(...extraSources(e.id, e.sources));
  }
  return rows;
}

/** A row's cells in template column order, empty strings for absent values. */
export function templateRowValues(row: TemplateRow): string[] {
  return templateColumnNames.map((name) => row[name] ?? "");
}

// ---------------------------------------------------------------------------------------------------------------
// Rows → records

interface Group {
  kind: "commitment" | "tranche" | "event";
  row: RawTemplateRow;
  sources: RawTemplateRow[];
  conditions: RawTemplateRow[];
}

const applies = new Map(templateColumns.map((c) => [c.name, new Set<TemplateRowKind>(c.appliesTo)]));

function isRowKind(value: string): value is TemplateRowKind {
  return (templateRowKinds as readonly string[]).includes(value);
}

/** Cells filled in columns that do not apply to the row's kind: they would be lost, so they are refused. */
function misplacedCells(raw: RawTemplateRow, kind: TemplateRowKind): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const [name, value] of Object.entries(raw.cells)) {
    if (value === undefined || value === "" || applies.get(name)?.has(kind)) continue;
    problems.push({
      row: raw.row,
      column: name,
      value: excerpt(value),
      message: `${name} does not apply to a ${kind} row: leave it empty${kind === "tranche" && name.startsWith("source_") ? " (a tranche is cited through its commitment)" : ""}`,
    });
  }
  return problems;
}

function opt(row: RawTemplateRow, name: TemplateColumnName): string | undefined {
  const value = row.cells[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Drops undefined values, so built records have no keys the file did not fill. */
function defined<T extends Record<string, unknown>>(object: T): T {
  // A loop, not entries/filter/fromEntries: this runs for several objects of every row of a file.
  const kept: Record<string, unknown> = {};
  for (const key in object) if (object[key] !== undefined) kept[key] = object[key];
  return kept as T;
}

function sourceOf(row: RawTemplateRow): Record<string, unknown> | undefined {
  const source = defined({
    title: opt(row, "source_title"),
    kind: opt(row, "source_kind"),
    publisher: opt(row, "source_publisher"),
    url: opt(row, "source_url"),
    published: opt(row, "source_published"),
    locator: opt(row, "source_locator"),
    quote: opt(row, "source_quote"),
  });
  return Object.keys(source).length === 0 ? undefined : source;
}

function measureOf(row: RawTemplateRow, problems: ImportProblem[]): unknown {
  const money = opt(row, "amount") !== undefined || opt(row, "currency") !== undefined;
  const quantity = ["quantity", "unit", "item"].some((n) => opt(row, n as TemplateColumnName) !== undefined);
  if (money && quantity) {
    problems.push({
      row: row.row,
      column: "amount",
      message: "fill either amount and currency, or quantity, unit and item, not both",
    });
    return undefined;
  }
  if (!money && !quantity) {
    problems.push({
      row: row.row,
      column: "amount",
      message: "a figure is required: amount and currency, or quantity, unit and item",
    });
    return undefined;
  }
  return quantity
    ? defined({
        kind: "quantity",
        count: opt(row, "quantity"),
        unit: opt(row, "unit"),
        item: opt(row, "item"),
      })
    : defined({ kind: "money", amount: opt(row, "amount"), currency: opt(row, "currency") });
}

function booleanOf(
  row: RawTemplateRow,
  name: TemplateColumnName,
  problems: ImportProblem[],
): boolean | undefined {
  const value = opt(row, name);
  if (value === undefined) return undefined;
  if (value === "true" || value === "false") return value === "true";
  problems.push({ row: row.row, column: name, value: excerpt(value), message: "expected true or false" });
  return undefined;
}

function periodOf(row: RawTemplateRow): unknown {
  const start = opt(row, "period_start");
  const end = opt(row, "period_end");
  return start === undefined && end === undefined ? undefined : defined({ start, end });
}

const measureColumns: Record<string, TemplateColumnName> = {
  amount: "amount",
  currency: "currency",
  count: "quantity",
  unit: "unit",
  item: "item",
  kind: "amount",
};

const fieldColumns: Record<string, TemplateColumnName> = {
  measureBasis: "measure_basis",
  due: "date",
};

function locator(group: Group): Locate {
  return (path) => {
    const [first, second, third] = path;
    let row = group.row;
    let column: TemplateColumnName;
    if (first === "sources") {
      if (typeof second === "number" && second > 0) row = group.sources[second - 1] ?? row;
      column = typeof third === "string" ? (`source_${third}` as TemplateColumnName) : "source_title";
    } else if (first === "conditions") {
      row = (typeof second === "number" ? group.conditions[second] : undefined) ?? row;
      column = "condition";
    } else if (first === "measure") {
      column = measureColumns[String(second)] ?? "amount";
    } else if (first === "period") {
      column = second === "start" ? "period_start" : "period_end";
    } else {
      column = fieldColumns[String(first)] ?? (String(first) as TemplateColumnName);
    }
    return { row: row.row, column, value: row.cells[column] };
  };
}

/** Builds and validates the record a group of rows describes. */
function buildRecord(group: Group): { records: ImportedRecords } | { problems: ImportProblem[] } {
  const { row } = group;
  const problems: ImportProblem[] = [
    ...group.row.problems,
    ...misplacedCells(row, group.kind),
    ...group.sources.flatMap((s) => [...s.problems, ...misplacedCells(s, "source")]),
    ...group.conditions.flatMap((c) => [...c.problems, ...misplacedCells(c, "condition")]),
  ];
  const measure = measureOf(row, problems);
  const synthetic = booleanOf(row, "synthetic", problems);
  const sources = [sourceOf(row), ...group.sources.map(sourceOf)].filter((s) => s !== undefined);
  const records = emptyRecords();
  let input: Record<string, unknown>;
  let schema: typeof commitmentSchema | typeof trancheSchema | typeof eventSchema;
  if (group.kind === "commitment") {
    schema = commitmentSchema;
    input = defined({
      id: opt(row, "id"),
      donor: opt(row, "donor"),
      recipient: opt(row, "recipient"),
      agreement: opt(row, "agreement"),
      title: opt(row, "title"),
      category: opt(row, "category"),
      measure,
      measureBasis: opt(row, "measure_basis"),
      period: periodOf(row),
      conditions: group.conditions.map((c) => opt(c, "condition") ?? ""),
      sources,
      synthetic,
    });
  } else if (group.kind === "tranche") {
    schema = trancheSchema;
    const position = opt(row, "position");
    const number = position !== undefined && /^\d{1,4}$/.test(position) ? Number(position) : undefined;
    const placed = number !== undefined && number >= 1 && number <= 1000;
    if (position !== undefined && !placed) {
      problems.push({
        row: row.row,
        column: "position",
        value: excerpt(position),
        message: "expected a whole number from 1 to 1000 (the first instalment is 1)",
      });
    }
    input = defined({
      id: opt(row, "id"),
      commitment: opt(row, "commitment"),
      position: placed ? (number as number) - 1 : undefined,
      due: opt(row, "date"),
      measure,
      note: opt(row, "note"),
    });
  } else {
    schema = eventSchema;
    input = defined({
      id: opt(row, "id"),
      commitment: opt(row, "commitment"),
      stage: opt(row, "stage"),
      date: opt(row, "date"),
      period: periodOf(row),
      measure,
      confidence: opt(row, "confidence"),
      sources,
      note: opt(row, "note"),
      synthetic,
    });
  }
  const result = validate(schema, input, locator(group));
  if (!result.ok) {
    // A cell already reported in our own words (refused, or not a number) is not reported again by the schema.
    const reported = new Set(problems.map((p) => `${p.row}:${p.column}`));
    problems.push(...result.problems.filter((p) => !reported.has(`${p.row}:${p.column}`)));
  }
  if (problems.length > 0) return { problems: dedupe(problems) };
  if (!result.ok) return { problems: result.problems };
  if (group.kind === "commitment") records.commitments.push(result.value as CommitmentRecord);
  else if (group.kind === "tranche") records.tranches.push(result.value as TrancheRecord);
  else records.events.push(result.value as StageEvent);
  return { records };
}

function dedupe(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.row}\u0000${p.column ?? ""}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Puts template rows together into records: a commitment, tranche or event row, followed by its source and
 * condition rows. One item per record, at the row of the record; it holds one record's rows at a time.
 */
export class TemplateGrouper {
  private pending: Group | undefined;

  /** Takes the next row; returns the items it completes. */
  push(raw: RawTemplateRow): ImportItem[] {
    const kind = raw.cells.record?.trim() ?? "";
    if (kind === "source" || kind === "condition") {
      const id = raw.cells.id ?? "";
      const pending = this.pending;
      if (pending && pending.row.cells.id === id && (kind === "source" || pending.kind === "commitment")) {
        (kind === "source" ? pending.sources : pending.conditions).push(raw);
        return [];
      }
      return [
        ...this.finish(),
        {
          row: raw.row,
          problems: [
            ...raw.problems,
            {
              row: raw.row,
              column: "id",
              ...(id === "" ? {} : { value: excerpt(id) }),
              message:
                kind === "source"
                  ? "a source row must follow the commitment or event it adds to, with the same id"
                  : "a condition row must follow the commitment it belongs to, with the same id",
            },
          ],
        },
      ];
    }
    const done = this.finish();
    if (kind === "commitment" || kind === "tranche" || kind === "event") {
      this.pending = { kind, row: raw, sources: [], conditions: [] };
      return done;
    }
    done.push({
      row: raw.row,
      problems: [
        ...raw.problems,
        {
          row: raw.row,
          column: "record",
          ...(kind === "" ? {} : { value: excerpt(kind) }),
          message: isRowKind(kind)
            ? "unexpected row kind"
            : "expected commitment, tranche, event, source or condition",
        },
      ],
    });
    return done;
  }

  /** Completes the record in hand, if any. */
  finish(): ImportItem[] {
    const group = this.pending;
    this.pending = undefined;
    return group ? [{ row: group.row.row, ...buildRecord(group) }] : [];
  }
}

/** Items from rows already named by column. */
export async function* templateItems(rows: AsyncIterable<RawTemplateRow>): AsyncGenerator<ImportItem> {
  const grouper = new TemplateGrouper();
  for await (const raw of rows) yield* grouper.push(raw);
  yield* grouper.finish();
}

// ---------------------------------------------------------------------------------------------------------------
// Header

const knownColumns = new Set<string>(templateColumnNames);
const exportOnlyColumns = new Set<string>(templateExportColumnNames);

/**
 * Maps a header row to column names; problems for unknown, repeated or missing columns. The columns only the
 * tracker's exports write (flags, dataset version, as of) are ignored, so an export imports as it is.
 */
export function readTemplateHeader(
  row: number,
  header: readonly string[],
): { columns: (TemplateColumnName | null)[]; problems: ImportProblem[]; fatal: boolean } {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const columns = header.map((cell, i) => {
    const name = cell.trim().toLowerCase();
    if (name === "" || exportOnlyColumns.has(name)) return null;
    if (!knownColumns.has(name)) {
      problems.push({
        row,
        column: name,
        message: `column ${i + 1} is not a template column: it would be ignored; remove or rename it`,
      });
      return null;
    }
    if (seen.has(name)) {
      problems.push({ row, column: name, message: "the column appears twice" });
      return null;
    }
    seen.add(name);
    return name as TemplateColumnName;
  });
  const missing = (["record", "id"] as const).filter((name) => !seen.has(name));
  for (const name of missing) problems.push({ row, column: name, message: "the header has no such column" });
  return {
    columns,
    problems,
    fatal: missing.length > 0 || problems.some((p) => p.message.includes("twice")),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Cells → named rows

/**
 * Names a row's cells by the header. `escaped` is true for CSV, where the writer neutralised formula-like cells:
 * those are restored, and an unescaped one (starting with =, +, -, @, tab or CR) is refused, since the writer never
 * produces one and a spreadsheet may have evaluated it.
 */
export function nameTemplateCells(
  row: number,
  cells: readonly (string | null)[],
  columns: readonly (TemplateColumnName | null)[],
  problems: ImportProblem[],
  escaped: boolean,
): RawTemplateRow {
  const all = [...problems];
  if (cells.length !== columns.length && !(cells.length < columns.length && !escaped)) {
    all.push({
      row,
      message: `the row has ${cells.length} cells and the header ${columns.length}: a truncated or shifted row`,
    });
  }
  const named: TemplateRow = {};
  cells.forEach((cell, i) => {
    const name = columns[i];
    if (cell === null || cell === "" || name === undefined || name === null) return;
    const encoding = encodingProblem(row, name, cell, "utf-8");
    if (encoding) all.push(encoding);
    if (escaped && isFormulaLike(cell)) {
      all.push({
        row,
        column: name,
        value: excerpt(cell),
        message:
          "a cell starting with =, +, -, @, tab or CR must be escaped with a leading apostrophe ('); refused, as a spreadsheet may have run it as a formula",
      });
      return;
    }
    named[name] = escaped ? restoreCell(cell) : cell;
  });
  const read = readClerkCells(row, named);
  return { row, cells: read.cells, problems: [...all, ...read.problems] };
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

export interface TemplateCsvOptions extends CommonImportOptions {}

/** Reads the template as CSV: UTF-8, RFC 4180, a header row of template column names, one row per record. */
export async function* parseTemplateCsv(
  input: ByteSource,
  options: TemplateCsvOptions = {},
): AsyncGenerator<ImportItem> {
  let columns: (TemplateColumnName | null)[] | undefined;
  const grouper = new TemplateGrouper();
  const text = decodeText(input, "utf-8");
  for await (const record of readCsv(text, {
    maxCellLength: options.maxCellLength ?? defaultMaxCellLength,
  })) {
    if (isBlank(record) && record.problems.length === 0) continue;
    const problems: ImportProblem[] = record.problems.map((p) => ({
      row: record.line,
      column: columns?.[p.cell] ?? `column ${p.cell + 1}`,
      message: p.message,
    }));
    if (!columns) {
      const header = readTemplateHeader(record.line, record.cells);
      problems.push(...header.problems);
      if (problems.length > 0) yield { row: record.line, problems };
      if (header.fatal) return;
      columns = header.columns;
      continue;
    }
    yield* grouper.push(nameTemplateCells(record.line, record.cells, columns, problems, true));
  }
  yield* grouper.finish();
  // An empty file is not an empty import: it is not the template at all (as a workbook without a header row).
  if (!columns) yield { row: 0, problems: [{ row: 0, message: "the file has no header row: it is empty" }] };
}
