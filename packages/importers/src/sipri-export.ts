import type { PartialDate } from "@commitments/core";
import type { CsvRecord } from "./csv.ts";
import type { ImportProblem } from "./types.ts";

// The layout of SIPRI's trade register export: a preamble, a header with unnamed flag columns, then one deal a line
// (or two, where SIPRI breaks a comment).

const required = [
  "Recipient",
  "Supplier",
  "Year of order",
  "Number ordered",
  "Weapon designation",
  "Weapon description",
  "Number delivered",
  "Year(s) of delivery",
  "Comments",
] as const;

const months: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

/** "Data generated: 13 Mar 2025 10:02:49 AM" → "2025-03-13". */
function generatedDate(line: string): PartialDate | undefined {
  const match = /Data generated:\s*(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(line);
  const month = match ? months[(match[2] ?? "").toLowerCase()] : undefined;
  return match && month ? `${match[3]}-${month}-${(match[1] ?? "").padStart(2, "0")}` : undefined;
}

/** The header's columns by name. SIPRI's uncertainty-flag columns have a blank name: each is named after the
 * column before it, "Number ordered (uncertain)". */
function headerColumns(cells: readonly string[]): string[] {
  const columns: string[] = [];
  for (const cell of cells) {
    const name = cell.trim();
    const previous = columns.at(-1);
    columns.push(
      name === "" && previous !== undefined ? `${previous.replace(/ \(uncertain\)$/, "")} (uncertain)` : name,
    );
  }
  return columns;
}

const maxPreambleLines = 200;

export interface SipriHeader {
  columns: string[];
  /** The preamble's "Data generated" date. */
  published: PartialDate | undefined;
  /** The preamble's year range of deliveries, "2022–2024", when the export was limited to one. */
  yearRange: string | undefined;
}

/** Reads the preamble and the header, up to the first deal; a problem if there is no header with every column. */
export async function readSipriHeader(
  records: AsyncIterator<CsvRecord>,
): Promise<SipriHeader | { row: number; problems: ImportProblem[] }> {
  let published: PartialDate | undefined;
  let yearRange: string | undefined;
  for (let preamble = 0; ; preamble++) {
    const next = await records.next();
    if (next.done)
      return { row: 0, problems: [{ row: 0, message: "no SIPRI trade register header row in the file" }] };
    const record = next.value;
    const first = record.cells[0]?.trim() ?? "";
    if (
      first.toLowerCase() === "recipient" &&
      record.cells.some((c) => c.trim().toLowerCase() === "supplier")
    ) {
      const columns = headerColumns(record.cells);
      const missing = required.filter((name) => !columns.includes(name));
      if (missing.length === 0) return { columns, published, yearRange };
      const problems = missing.map((column) => ({
        row: record.line,
        column,
        message: "the header has no such column",
      }));
      return { row: record.line, problems };
    }
    if (preamble >= maxPreambleLines) {
      const message = `no SIPRI trade register header ("Recipient,Supplier,…") in the first ${maxPreambleLines} lines`;
      return { row: record.line, problems: [{ row: record.line, message }] };
    }
    const line = record.cells.join(",");
    published ??= generatedDate(line);
    const range = /year range '([^']*)' to '([^']*)'/.exec(line);
    if (range && !(range[1] === "Not specified" && range[2] === "Not specified"))
      yearRange = `${range[1]}–${range[2]}`;
  }
}

/**
 * SIPRI's export writes a line break inside a comment as it is, without quoting the cell (the register of March
 * 2025 has four such deals): the deal then arrives as a line ending in its Comments cell and a line holding the
 * rest of the comment and the cells after it. Such lines are joined back into one row, on the first one's line;
 * a short line that no following line completes is left as it is, to be reported as truncated.
 */
export async function* withCommentLinesJoined(
  records: AsyncIterable<CsvRecord>,
  columns: readonly string[],
): AsyncGenerator<CsvRecord> {
  const upToComments = columns.indexOf("Comments") + 1;
  let held: CsvRecord | undefined;
  for await (const record of records) {
    if (held) {
      const joined = joinLines(held, record);
      if (record.cells.length === 1) {
        held = joined;
        continue;
      }
      yield joined.cells.length === columns.length ? joined : held;
      held = undefined;
      if (joined.cells.length === columns.length) continue;
    }
    if (record.cells.length === upToComments && upToComments < columns.length && record.problems.length === 0)
      held = record;
    else yield record;
  }
  if (held) yield held;
}

function joinLines(first: CsvRecord, next: CsvRecord): CsvRecord {
  const at = first.cells.length - 1;
  return {
    line: first.line,
    cells: [...first.cells.slice(0, at), `${first.cells[at]}\n${next.cells[0]}`, ...next.cells.slice(1)],
    problems: [...first.problems, ...next.problems.map((p) => ({ ...p, cell: p.cell + at }))],
  };
}
