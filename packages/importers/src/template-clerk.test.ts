import { PassThrough } from "node:stream";
import {
  type CommitmentRecord,
  categoryIds,
  confidenceTerms,
  type StageEvent,
  type TrancheRecord,
} from "@commitments/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvLine } from "./csv.ts";
import { parseTemplateCsv, templateRowValues } from "./template.ts";
import { clerkRows, templateChoices } from "./template-clerk.ts";
import { templateColumnNames } from "./template-columns.ts";
import { closestWord } from "./template-entry.ts";
import { templateGuide, writeTemplateExampleCsv } from "./template-guide.ts";
import { parseTemplateXlsx, writeTemplateXlsx } from "./template-xlsx.ts";
import { bytes, collect, fillTemplateWorkbook, readTemplateWorkbook } from "./testing.ts";
import type { ImportedRecords } from "./types.ts";

const source = { title: "Example source", kind: "official" as const, url: "https://www.gov.uk/example?id=1" };
const commitment = (
  id: string,
  amount: string,
  category: CommitmentRecord["category"],
): CommitmentRecord => ({
  id,
  donor: "GB",
  recipient: "UA",
  title: `Commitment ${id}`,
  category,
  measure: { kind: "money", amount, currency: "GBP" },
  measureBasis: "total",
  period: { start: "2025-04-01", end: "2027-03" },
  conditions: [],
  sources: [source],
  synthetic: false,
});
const records: ImportedRecords = {
  commitments: [
    commitment("a", "1500000000.50", "air_defence"),
    commitment("b", "150.000", "funding"),
    commitment("c", "1500", categoryIds[categoryIds.length - 1] ?? "funding"),
    commitment("d", "40", "funding.budget_support"),
  ],
  tranches: [
    {
      id: "a-1",
      commitment: "a",
      position: 0,
      due: "2026-03-31",
      measure: { kind: "money", amount: "750000000", currency: "GBP" },
    } as TrancheRecord,
  ],
  events: [
    {
      id: "a-committed",
      commitment: "a",
      stage: "committed",
      date: "2025-04-01",
      measure: { kind: "quantity", count: "12", unit: "launchers", item: "launchers" },
      confidence: "reported_by_donor",
      sources: [source],
      synthetic: true,
    } as StageEvent,
  ],
};

async function readCsv(rows: string[][]) {
  const text = [templateColumnNames as readonly string[], ...rows].map((r) => csvLine(r)).join("");
  return collect(parseTemplateCsv(bytes(text)));
}

describe("a template filled in as a clerk would", () => {
  for (const lang of ["en", "uk"] as const) {
    it(`reads back to the records it was written from (${lang})`, async () => {
      const rows = clerkRows(records, lang);
      // Written as a clerk would: names, grouped amounts, dates day first.
      expect(rows[0]).toMatchObject({
        donor: lang === "en" ? "United Kingdom" : "Велика Британія",
        amount: lang === "en" ? "1,500,000,000.50" : "1 500 000 000,50",
        period_start: "01/04/2025",
        source_url: "www.gov.uk/example?id=1",
      });
      const read = await readCsv(rows.map(templateRowValues));
      expect(read.problems).toEqual([]);
      expect(read.records).toEqual(records);
    });
  }

  it("writes the example CSV a clerk sees beside the blank one, which imports as it is", async () => {
    for (const lang of ["en", "uk"] as const) {
      let text = "";
      for await (const line of writeTemplateExampleCsv(records, lang)) text += line;
      expect(text).toContain(lang === "en" ? "United Kingdom" : "Велика Британія");
      expect(text).toContain("01/04/2025");
      const read = await collect(parseTemplateCsv(bytes(text)));
      expect(read.problems).toEqual([]);
      expect(read.records).toEqual(records);
    }
  });

  it("offers drop-downs of names and labels, each of which the import reads", async () => {
    for (const lang of ["en", "uk"] as const) {
      const choices = templateChoices(lang);
      expect(choices.donor).toContain(lang === "en" ? "United Kingdom" : "Велика Британія");
      const base = templateRowValues(clerkRows({ ...records, tranches: [], events: [] }, lang)[0] ?? {});
      const at = (name: string) => templateColumnNames.indexOf(name as (typeof templateColumnNames)[number]);
      const rows = (choices.category ?? []).map((word, i) => {
        const row = [...base];
        row[at("id")] = `c-${i}`;
        row[at("category")] = word;
        return row;
      });
      const read = await readCsv(rows);
      expect(read.problems).toEqual([]);
      expect(new Set(read.records.commitments.map((c) => c.category)).size).toBe(categoryIds.length);
    }
  });
});

describe("names and local formats in a template's cells", () => {
  const header = templateColumnNames.join(",");
  // Quoted as a spreadsheet saves them, not neutralised: a hand-made file.
  const row = (values: Partial<Record<string, string>>) =>
    templateColumnNames
      .map((name) => values[name] ?? "")
      .map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
      .join(",");
  const src = { source_title: "Test source", source_kind: "official" };

  it("reads names and local formats as a clerk writes them, into the values the tracker stores", async () => {
    const clerk = {
      donor: "United Kingdom",
      recipient: "Україна",
      category: "Air defence",
      title: "Air defence funding line",
      amount: "£1,500,000,000",
      period_start: "01/04/2025",
      period_end: "31 March 2027",
      synthetic: "no",
      ...src,
      source_url: "www.gov.uk/government/news/example",
    };
    const csv = [
      header,
      row({ record: "commitment", id: "uk-air-defence", ...clerk }),
      row({
        record: "event",
        id: "uk-air-defence-committed",
        commitment: "uk-air-defence",
        stage: "Committed",
        date: "1 квітня 2025",
        amount: "1 250 000,50",
        currency: "gbp",
        confidence: confidenceTerms.reported_by_donor.en.label,
        ...src,
      }),
      row({ record: "commitment", id: "mixed", ...clerk, amount: "€5", currency: "GBP" }),
      row({ record: "commitment", id: "late", ...clerk, period_end: "03/31/2027" }),
    ].join("\r\n");
    const read = await collect(parseTemplateCsv(bytes(csv)));
    expect(read.records.commitments).toEqual([
      expect.objectContaining({
        id: "uk-air-defence",
        donor: "GB",
        recipient: "UA",
        category: "air_defence",
        measure: { kind: "money", amount: "1500000000", currency: "GBP" },
        period: { start: "2025-04-01", end: "2027-03-31" },
        synthetic: false,
        sources: [expect.objectContaining({ url: "https://www.gov.uk/government/news/example" })],
      }),
    ]);
    expect(read.records.events).toEqual([
      expect.objectContaining({
        stage: "committed",
        date: "2025-04-01",
        measure: { kind: "money", amount: "1250000.50", currency: "GBP" },
        confidence: "reported_by_donor",
      }),
    ]);
    // What cannot be read is refused in plain words, naming the row, the column and a form it takes.
    expect(read.problems).toEqual([
      expect.objectContaining({
        row: 4,
        column: "currency",
        message: "the amount is in EUR, the currency column says GBP",
      }),
      expect.objectContaining({
        row: 5,
        column: "period_end",
        message: expect.stringContaining("write it as 31/03/2027"),
      }),
    ]);
  });
});

describe("a clerk's mistakes", () => {
  const header = templateColumnNames.join(",");
  const good = (lang: "en" | "uk") =>
    templateRowValues(clerkRows({ ...records, commitments: records.commitments.slice(0, 1) }, lang)[0] ?? {});
  const at = (name: string) => templateColumnNames.indexOf(name as (typeof templateColumnNames)[number]);
  async function problemsOf(lang: "en" | "uk", cells: Record<string, string>) {
    const row = good(lang);
    for (const [name, value] of Object.entries(cells)) row[at(name)] = value;
    const read = await collect(parseTemplateCsv(bytes(`${header}\r\n${csvLine(row)}`)));
    return read.problems.map((p) => ({ column: p.column, message: p.message }));
  }
  // Codes the clerk never typed: a term's id, a party's code.
  const codes = /\b[a-z]+[_.][a-z_.]+\b|\b[A-Z]{2}\b/;

  it.each([
    ["en", "donor", "Norwey", 'did you mean "Norway"?'],
    ["uk", "donor", "Норвеґія", 'did you mean "Норвегія"?'],
    ["en", "recipient", "Narnia", 'such as "United Kingdom"'],
    ["uk", "recipient", "Нарнія", 'such as "Велика Британія"'],
    ["en", "category", "Air defense systms", 'did you mean "Air defence systems"?'],
    ["uk", "category", "Системи ПКО", 'did you mean "Системи ППО"?'],
    ["en", "measure_basis", "yearly", 'write one of "For the whole period" or "Per year"'],
    ["uk", "measure_basis", "щороку", 'write one of "За весь період" or "На рік"'],
    ["en", "source_kind", "Oficial publication", 'did you mean "Official publication"?'],
  ] as const)(
    "%s: a clerk's %s %s is refused, naming what it takes: %s",
    async (lang, column, typed, accepted) => {
      const problems = await problemsOf(lang, { [column]: typed });
      expect(problems).toEqual([{ column, message: expect.stringContaining(accepted) }]);
      expect(problems[0]?.message).toContain(`"${typed}" is not a`);
      expect(problems[0]?.message).not.toMatch(codes);
    },
  );

  it("names the ways an amount and a date are written, whichever language the clerk writes", async () => {
    for (const lang of ["en", "uk"] as const) {
      const problems = await problemsOf(lang, { amount: "1.500.000,5x", period_end: "31/13/2027" });
      expect(problems).toEqual([
        { column: "amount", message: expect.stringContaining("write it as 1,250,000.50, 1 250 000,50") },
        { column: "period_end", message: expect.stringContaining("write it as 31/03/2027") },
      ]);
    }
  });

  it("suggests the nearest word within a few letters, and nothing for a long or far-off cell", () => {
    const words = ["Norway", "Sweden", "Denmark"];
    expect(closestWord("norway", words)).toBe("Norway");
    expect(closestWord("Swedn", words)).toBe("Sweden");
    expect(closestWord("Finland", words)).toBeUndefined();
    expect(closestWord("", words)).toBeUndefined();
    // Comparing costs length squared: a cell past 100 letters is compared with nothing, even a word it equals.
    expect(closestWord("Norway ".repeat(4000), words)).toBeUndefined();
    const longest = "x".repeat(100);
    expect(closestWord(longest, [longest])).toBe(longest);
    expect(closestWord(`${longest}x`, [`${longest}x`])).toBeUndefined();
  });
});

describe("the blank XLSX template with its guide", () => {
  it("has instructions, an example, drop-downs on a hidden list, and still reads back empty", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on("end", resolve));
    await writeTemplateXlsx([], out, templateGuide(records, "en"));
    await ended;
    const file = Buffer.concat(chunks);

    const read = await collect(parseTemplateXlsx(bytes(file)));
    expect(read.problems).toEqual([]);
    expect(read.records.commitments).toEqual([]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["records", "visible"],
      ["instructions", "visible"],
      ["example", "visible"],
      ["lists", "hidden"],
    ]);
    const donor = `${String.fromCharCode(65 + templateColumnNames.indexOf("donor"))}2`;
    expect(book.getWorksheet("records")?.getCell(donor).dataValidation).toMatchObject({
      type: "list",
      formulae: [expect.stringMatching(/^lists!\$A\$1:\$A\$\d+$/)],
    });
    // Every column is text, so a spreadsheet keeps "31/03/2027" and "1,500,000" as typed.
    const formats = templateColumnNames.map((_, i) => book.getWorksheet("records")?.getColumn(i + 1).numFmt);
    expect(new Set(formats)).toEqual(new Set(["@"]));
    const instructions = book.getWorksheet("instructions");
    const described = new Set<string>();
    instructions?.eachRow((row) => described.add(String(row.getCell(1).value)));
    for (const name of templateColumnNames) expect(described).toContain(name);

    // The example, put where a clerk puts records, imports without a problem.
    const example = book.getWorksheet("example");
    const rows: string[][] = [];
    example?.eachRow((row, n) => {
      if (n > 1) rows.push(templateColumnNames.map((_, i) => String(row.getCell(i + 1).value ?? "")));
    });
    expect(rows.length).toBeGreaterThan(0);
    const imported = await readCsv(rows);
    expect(imported.problems).toEqual([]);
    expect(imported.records).toEqual(records);
  });
});

describe("the XLSX template filled in as a clerk would, in a spreadsheet", () => {
  for (const lang of ["en", "uk"] as const) {
    it(`reads back to the records written in the clerk's words (${lang})`, async () => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on("data", (c: Buffer) => chunks.push(c));
      const ended = new Promise((resolve) => out.on("end", resolve));
      await writeTemplateXlsx([], out, templateGuide(records, lang));
      await ended;
      const blank = new Uint8Array(Buffer.concat(chunks));
      const workbook = await readTemplateWorkbook(blank);
      expect(workbook.header).toEqual(templateColumnNames);
      const rows = clerkRows(records, lang).map((row) =>
        Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== "")),
      );
      // Every coded word the clerk writes is one the column's drop-down offers.
      for (const row of rows)
        for (const column of ["donor", "category", "stage", "unit", "confidence", "source_kind"])
          if (row[column]) expect(workbook.choices[column]).toContain(row[column]);
      const filled = await fillTemplateWorkbook(blank, rows as Record<string, string>[]);
      const read = await collect(parseTemplateXlsx(bytes(filled)));
      expect(read.problems).toEqual([]);
      expect(read.records).toEqual(records);
    });
  }
});
