/*
 * The publishers' files read for tests, independently of the importers: a few lines of plain parsing and exact
 * decimal sums, so a test can compare what the ledger holds with what the file says.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { multiply, stateByAlpha3, sum } from "@commitments/core";

/** The whole published files: ../shared/data beside a clone, or where COMMITMENTS_DATA_DIR says. */
export const dataDir =
  process.env.COMMITMENTS_DATA_DIR ?? fileURLToPath(new URL("../../../../shared/data/", import.meta.url));
export const haveData = existsSync(dataDir);
if (!haveData && process.env.CI) throw new Error(`CI needs the published data files in ${dataDir}`);
if (!haveData) console.warn(`Whole-file tests skipped: no published data in ${dataDir}.`);

export function dataPath(name: string): string {
  return `${dataDir.replace(/\/?$/, "/")}${name}`;
}

/** RFC 4180 cells of a CSV text, line by line (quoted cells may hold commas, quotes and line breaks). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted || (ch !== "," && ch !== "\n")) cell += ch;
    else {
      row.push(ch === "\n" ? cell.replace(/\r$/, "") : cell);
      cell = "";
      if (ch === "\n") {
        rows.push(row);
        row = [];
      }
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A CSV text as records keyed by its header's names. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = csvRows(text).filter((r) => r.some((c) => c.trim() !== ""));
  return rows.map((r) => Object.fromEntries(header.map((name, i) => [name.trim(), (r[i] ?? "").trim()])));
}

/** Kiel's ISO alpha-3 (and "EU") as the tracker's party id. */
export function kielParty(iso: string): string {
  if (iso === "EU") return "EU";
  const party = stateByAlpha3(iso);
  if (!party) throw new Error(`no state for ${iso}`);
  return party.id;
}

export interface KielDonorSums {
  /** Euros: the `commitments` column, and the three allocation columns, each summed over the donor's months. */
  committed: string;
  allocated: { financial: string; humanitarian: string; military: string };
}

/** Kiel's data_explorer summed per donor, in euros (the file gives billions), exactly. */
export function kielDataExplorerSums(text: string): Map<string, KielDonorSums> {
  const parts = new Map<string, Record<string, string[]>>();
  for (const row of csvRecords(text)) {
    const donor = kielParty(row.iso ?? "");
    const entry = parts.get(donor) ?? { commitments: [], financial: [], humanitarian: [], military: [] };
    for (const column of Object.keys(entry)) {
      const value = row[column];
      if (value !== undefined && value !== "" && value !== "NA") entry[column]?.push(value);
    }
    parts.set(donor, entry);
  }
  const euros = (values: string[] = []) => multiply(sum(values), "1000000000");
  return new Map(
    [...parts].map(([donor, p]) => [
      donor,
      {
        committed: euros(p.commitments),
        allocated: {
          financial: euros(p.financial),
          humanitarian: euros(p.humanitarian),
          military: euros(p.military),
        },
      },
    ]),
  );
}

export function readData(name: string, encoding: BufferEncoding = "utf8"): string {
  return readFileSync(dataPath(name), encoding);
}
