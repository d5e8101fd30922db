import { CommitmentRecord, StageEvent, TrancheRecord } from "@commitments/core";
import type { ImportedRecords, ImportItem, ImportProblem } from "@commitments/importers";
import { expect } from "vitest";

/* Readers of exported files for exports.test.ts, written here independently of the importers: RFC 4180 CSV, the JSON export's records. */

// biome-ignore lint/suspicious/noExplicitAny: test reads of untyped responses
export type Json = any;

/** RFC 4180, parsed here independently of the importers' reader: every record must end with CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
      wasQuoted = false;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      wasQuoted = false;
      i++;
    } else if (ch === "\r" || ch === "\n" || ch === '"' || wasQuoted) {
      throw new Error(`not RFC 4180 at character ${i}: ${JSON.stringify(text.slice(i - 20, i + 20))}`);
    } else cell += ch;
  }
  if (quoted || cell !== "" || row.length > 0) throw new Error("the last record does not end with CRLF");
  return rows;
}

export async function* bytesOf(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

/** Rows as objects by the header row. */
export function table(rows: string[][]): Record<string, string>[] {
  const [header = [], ...body] = rows;
  for (const r of body) expect(r.length).toBe(header.length);
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ""])));
}

export async function collectRecords(items: AsyncIterable<ImportItem>) {
  const records: ImportedRecords = { commitments: [], tranches: [], events: [] };
  const problems: ImportProblem[] = [];
  for await (const item of items) {
    if ("problems" in item) problems.push(...item.problems);
    else if ("records" in item) {
      records.commitments.push(...item.records.commitments);
      records.tranches.push(...item.records.tranches);
      records.events.push(...item.records.events);
    }
  }
  return { records, problems };
}

/** A record's own fields, without what a representation adds (version, status, remarks, flags). */
export const fieldsOf = (shape: Record<string, unknown>, view: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(shape).flatMap((k) => (view[k] === undefined ? [] : [[k, view[k]]])));

/** The records of the JSON export, as the template gives them: by kind, in id order. */
export function recordsOfJson(data: Json[]): ImportedRecords {
  return sorted({
    commitments: data.map((d) => fieldsOf(CommitmentRecord.shape, d.commitment)) as never,
    tranches: data.flatMap((d) => d.schedule.map((t: Json) => fieldsOf(TrancheRecord.shape, t))) as never,
    events: data.flatMap((d) => d.events.map((e: Json) => fieldsOf(StageEvent.shape, e))) as never,
  });
}

export function sorted(records: ImportedRecords): ImportedRecords {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    commitments: [...records.commitments].sort(byId),
    tranches: [...records.tranches].sort(byId),
    events: [...records.events].sort(byId),
  };
}
