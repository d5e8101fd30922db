// Helpers for this package's tests: where the sample files are, and collecting an importer's output.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CommitmentRecord, StageEvent } from "@commitments/core";
import type { ImportedRecords, ImportItem, ImportProblem } from "./types.ts";

/**
 * The sample files are not in this repository: they sit in ../shared/samples beside a clone, or where
 * COMMITMENTS_SAMPLES_DIR says. Without them the sample tests are skipped with a notice; under CI they fail.
 */
export const samplesDir =
  process.env.COMMITMENTS_SAMPLES_DIR ??
  fileURLToPath(new URL("../../../../shared/samples/", import.meta.url));
export const haveSamples = existsSync(samplesDir);
if (!haveSamples && process.env.CI) throw new Error(`CI needs the sample files in ${samplesDir}`);
if (!haveSamples) console.warn(`Sample-file tests skipped: no sample files in ${samplesDir}.`);

export function samplePath(name: string): string {
  return `${samplesDir.replace(/\/?$/, "/")}${name}`;
}

/**
 * The whole datasets as their publishers released them (SIPRI's register, Kiel's releases), beside the samples in
 * ../shared/data, or where COMMITMENTS_DATA_DIR says. Without them the whole-file tests are skipped with a notice;
 * under CI they fail.
 */
export const dataDir =
  process.env.COMMITMENTS_DATA_DIR ?? fileURLToPath(new URL("../../../../shared/data/", import.meta.url));
export const haveData = existsSync(dataDir);
if (!haveData && process.env.CI) throw new Error(`CI needs the whole datasets in ${dataDir}`);
if (!haveData) console.warn(`Whole-dataset tests skipped: no datasets in ${dataDir}.`);

export function dataPath(name: string): string {
  return `${dataDir.replace(/\/?$/, "/")}${name}`;
}

/**
 * IATI activity files in six publishers' layouts (standards 1.01 to 2.03), with invented figures: see
 * fixtures/iati/README.md. Unlike the samples, they are part of this repository.
 */
export function iatiFixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/iati/${name}`, import.meta.url));
}

export interface Collected {
  items: ImportItem[];
  records: ImportedRecords;
  problems: ImportProblem[];
  warnings: ImportProblem[];
  /** Rows skipped as outside the import, counted per reason. */
  skipped: Record<string, number>;
}

export async function collect(items: AsyncIterable<ImportItem>): Promise<Collected> {
  const out: Collected = {
    items: [],
    records: { commitments: [], tranches: [], events: [] },
    problems: [],
    warnings: [],
    skipped: {},
  };
  for await (const item of items) {
    out.items.push(item);
    if ("problems" in item) out.problems.push(...item.problems);
    else if ("skipped" in item) out.skipped[item.skipped] = (out.skipped[item.skipped] ?? 0) + 1;
    else {
      // Each item introduces the parties its records need; a party introduced again is the same party.
      for (const party of item.records.parties ?? []) {
        out.records.parties ??= [];
        if (!out.records.parties.some((p) => p.id === party.id)) out.records.parties.push(party);
      }
      out.records.commitments.push(...item.records.commitments);
      out.records.tranches.push(...item.records.tranches);
      out.records.events.push(...item.records.events);
      out.warnings.push(...(item.warnings ?? []));
    }
  }
  return out;
}

/** Bytes as a one-chunk stream. */
export async function* bytes(data: string | Uint8Array): AsyncGenerator<Uint8Array> {
  yield typeof data === "string" ? new TextEncoder().encode(data) : data;
}

export async function text(lines: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const line of lines) out += line;
  return out;
}

// --- Generated records ---------------------------------------------------------------------------------------

const generatedSource = { title: "Import pipeline test fixture", kind: "research" as const };
const generatedDonors = ["DE", "FR", "GB", "PL"];
const generatedCategories = ["air_defence.systems", "artillery", "funding", "ammunition"];
const generatedStages = ["committed", "allocated", "delivered"] as const;

/**
 * `count` commitments (ids `<prefix>-<n>`) with `eventsEach` events each and a tranche for every seventh, in
 * batches of `batch` commitments: money for even ones, quantities for odd ones; deterministic and synthetic.
 * Donors DE, FR, GB and PL in turn; their figures are what a test sums independently from the file it writes.
 */
export function* generatedRecords(
  prefix: string,
  count: number,
  eventsEach: number,
  batch = 1000,
): Generator<ImportedRecords> {
  for (let start = 0; start < count; start += batch) {
    const records: ImportedRecords = { commitments: [], tranches: [], events: [] };
    for (let i = start; i < Math.min(start + batch, count); i++) {
      const money = i % 2 === 0;
      const measure = (n: number) =>
        money
          ? { kind: "money" as const, amount: `${n}.25`, currency: "EUR" }
          : { kind: "quantity" as const, count: String(n), unit: "items" as const, item: "155mm shell" };
      const id = `${prefix}-${i}`;
      records.commitments.push({
        id,
        donor: generatedDonors[i % generatedDonors.length] as string,
        recipient: "UA",
        title: `Generated line ${i}, "quoted", with a comma`,
        category: generatedCategories[(i >> 1) % generatedCategories.length] as CommitmentRecord["category"],
        measure: measure(1000 + i),
        measureBasis: "total",
        conditions: i % 5 === 0 ? ["subject to parliament's approval"] : [],
        sources: [generatedSource],
        synthetic: true,
      });
      if (i % 7 === 0) {
        records.tranches.push({
          id: `${id}-t1`,
          commitment: id,
          position: 0,
          due: "2026-06",
          measure: measure(500),
        });
      }
      for (let k = 0; k < eventsEach; k++) {
        records.events.push({
          id: `${id}-e${k}`,
          commitment: id,
          stage: generatedStages[k % generatedStages.length] as StageEvent["stage"],
          date: `${2022 + ((i + k) % 4)}-${String(((i * 7 + k) % 12) + 1).padStart(2, "0")}`,
          measure: measure(10 + ((i + k) % 90)),
          confidence: "reported_by_donor",
          sources: [generatedSource],
          synthetic: true,
        });
      }
    }
    yield records;
  }
}

// --- The SIPRI sample, mapped by hand ----------------------------------------------------------------------------

/**
 * Every supplier name and weapon description of the SIPRI sample, mapped by hand to the tracker's parties and
 * categories, so the sample tests check the importer's own tables rather than reuse them.
 */
export const sipriSampleSuppliers: Readonly<Record<string, string>> = {
  "United States": "US",
  Spain: "ES",
  Greece: "GR",
  "United Kingdom": "GB",
  Netherlands: "NL",
  Czechia: "CZ",
  Belgium: "BE",
  Germany: "DE",
  Norway: "NO",
  Slovakia: "SK",
  Sweden: "SE",
  Poland: "PL",
  Croatia: "HR",
  Canada: "CA",
};

export const sipriSampleCategories: Readonly<Record<string, string>> = {
  "long-range air-to-air missile": "air_defence.interceptors",
  "portable SAM": "air_defence.interceptors",
  "ABM missile": "air_defence.interceptors",
  "SAM system": "air_defence.systems",
  "air search radar": "air_defence.systems",
  "anti-radar missile": "ammunition",
  "guided glide bomb": "ammunition",
  APC: "armoured_vehicles.personnel_carriers",
  "infantry fighting vehicle": "armoured_vehicles.infantry_fighting_vehicles",
  tank: "armoured_vehicles.tanks",
  "armoured recovery vehicle": "armoured_vehicles",
  "self-propelled gun": "artillery",
  "transport helicopter": "aircraft",
  "FGA aircraft": "aircraft",
  "loitering munition": "drones",
  "one-way attack drone": "drones",
  UAV: "drones",
  "vehicle engine": "defence_industrial",
};

// --- The template workbook, as a clerk's spreadsheet opens and saves it ---------------------------------------

/** A template workbook as a clerk sees it: its sheets, and the words each column's drop-down offers. */
export interface TemplateWorkbook {
  sheets: { name: string; hidden: boolean }[];
  /** The first sheet's header: the columns the clerk sees. */
  header: string[];
  /** The words a column's drop-down offers, by the column's header. */
  choices: Record<string, string[]>;
}

async function loadWorkbook(bytes: Uint8Array) {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("the workbook has no worksheet");
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    header[column - 1] = String(cell.value ?? "");
  });
  return { book, sheet, header };
}

/** Reads a template workbook as a clerk sees it: the sheets, the header, and each drop-down's words. */
export async function readTemplateWorkbook(bytes: Uint8Array): Promise<TemplateWorkbook> {
  const { book, sheet, header } = await loadWorkbook(bytes);
  const choices: Record<string, string[]> = {};
  header.forEach((name, i) => {
    const validation = sheet.getRow(2).getCell(i + 1).dataValidation;
    const range = validation?.type === "list" ? validation.formulae?.[0] : undefined;
    const at = range ? /^'?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(String(range)) : null;
    if (!at) return;
    const list = book.getWorksheet(at[1] ?? "");
    const words: string[] = [];
    for (let r = Number(at[3]); r <= Number(at[4]); r++) {
      const value = list?.getCell(`${at[2]}${r}`).value;
      if (value !== null && value !== undefined && value !== "") words.push(String(value));
    }
    choices[name] = words;
  });
  return {
    sheets: book.worksheets.map((s) => ({ name: s.name, hidden: s.state !== "visible" })),
    header,
    choices,
  };
}

/**
 * A template workbook filled in as a clerk fills it in a spreadsheet: `rows` (each cell by its column's header,
 * as typed; an empty one left empty) below what the first sheet holds; every other sheet, drop-down and format kept as it was. A
 * spreadsheet keeps typed text as typed only in a cell formatted as text ("31/03/2027" becomes a date otherwise,
 * "1,500,000" a number): a cell that is not is refused, as the saved file would not hold what was typed.
 */
export async function fillTemplateWorkbook(
  bytes: Uint8Array,
  rows: readonly Readonly<Record<string, string>>[],
): Promise<Uint8Array> {
  const { book, sheet, header } = await loadWorkbook(bytes);
  let next = sheet.actualRowCount + 1;
  for (const cells of rows) {
    const row = sheet.getRow(next++);
    for (const [name, typed] of Object.entries(cells)) {
      if (typed === "") continue;
      const at = header.indexOf(name);
      if (at < 0) throw new Error(`the template has no column "${name}"`);
      const cell = row.getCell(at + 1);
      if (cell.numFmt !== "@")
        throw new Error(
          `${cell.address} (${name}) is not text: a spreadsheet would not keep "${typed}" as typed`,
        );
      cell.value = typed;
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
