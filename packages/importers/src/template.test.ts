import { PassThrough } from "node:stream";
import {
  CommitmentRecord,
  Confidence,
  categoryIds,
  QuantityUnit,
  SourceKind,
  StageEvent,
  stageIds,
  TrancheRecord,
} from "@commitments/core";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTemplateCsv } from "./template.ts";
import { templateColumnNames, templateColumns, templateExportColumnNames } from "./template-columns.ts";
import { type TemplateExportCells, writeTemplateCsv } from "./template-write.ts";
import { parseTemplateXlsx, writeTemplateXlsx } from "./template-xlsx.ts";
import { bytes, collect, text } from "./testing.ts";
import type { ImportedRecords } from "./types.ts";

// ---- generated records, canonical (parsed by their core schemas) ---------------------------------------------

const slug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join("-"));
// Text with everything that is hard for CSV and spreadsheets: quotes, commas, line breaks, formula leads.
const hard = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...[..."=+-@'\",\r\n\t é€𝔘Ї&<>\u0001\u007f"],
        "\r\n",
        "&lt;",
        "&amp;",
        "_x0041_",
        "_x005F_",
        "'",
      ),
      fc.stringMatching(/^[A-Za-z0-9 ]{1,8}$/),
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((parts) => parts.join(""))
  .filter((s) => s.trim().length > 0);
const startingWithFormula = fc
  .tuple(fc.constantFrom("=", "+", "-", "@", "'", "''"), hard)
  .map(([a, b]) => a + b);
const words = fc.oneof(hard, startingWithFormula);
const partialDate = fc
  .tuple(
    fc.integer({ min: 1990, max: 2040 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .chain(([y, m, d]) =>
    fc.constantFrom(
      String(y),
      `${y}-${String(m).padStart(2, "0")}`,
      `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
  );
const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.option(fc.integer({ min: 1, max: 99_999 })))
  .map(([i, f]) => (f === null ? String(i) : `${i}.${String(f).replace(/0+$/, "") || "1"}`));
const measure = fc.oneof(
  fc.record({
    kind: fc.constant("money" as const),
    amount: decimal,
    currency: fc.constantFrom("EUR", "USD", "GBP", "NOK", "XDR"),
  }),
  fc.record({
    kind: fc.constant("quantity" as const),
    count: decimal,
    unit: fc.constantFrom(...QuantityUnit.options),
    item: words,
  }),
);
const source = fc.record(
  {
    title: words,
    kind: fc.constantFrom(...SourceKind.options),
    publisher: words,
    url: fc.constantFrom("https://example.org/a?b=1,2", "http://www.sipri.org/x", "https://e.org/'quoted'"),
    published: partialDate,
    locator: words,
    quote: words,
  },
  { requiredKeys: ["title", "kind"] },
);
const period = fc
  .tuple(partialDate, partialDate)
  .map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));

const commitment = fc
  .record(
    {
      id: slug,
      donor: fc.constantFrom("DK", "DE", "GB", "EU", "NATO"),
      recipient: fc.constantFrom("UA", "MD"),
      agreement: slug,
      title: words,
      category: fc.constantFrom(...categoryIds),
      measure,
      measureBasis: fc.constantFrom("total", "per_year"),
      period,
      conditions: fc.array(words, { maxLength: 3 }),
      sources: fc.array(source, { minLength: 1, maxLength: 3 }),
      synthetic: fc.boolean(),
    },
    { requiredKeys: ["id", "donor", "title", "category", "measure", "sources"] },
  )
  .map((c) => CommitmentRecord.safeParse(c))
  .filter((r) => r.success)
  .map((r) => r.data as CommitmentRecord);
const tranche = fc
  .record(
    {
      id: slug,
      commitment: slug,
      position: fc.integer({ min: 0, max: 999 }),
      due: partialDate,
      measure,
      note: words,
    },
    { requiredKeys: ["id", "commitment", "position", "due", "measure"] },
  )
  .map((t) => TrancheRecord.safeParse(t))
  .filter((r) => r.success)
  .map((r) => r.data as TrancheRecord);
const event = fc
  .record(
    {
      id: slug,
      commitment: slug,
      stage: fc.constantFrom(...stageIds),
      date: partialDate,
      period,
      measure,
      confidence: fc.constantFrom(...Confidence.options),
      sources: fc.array(source, { minLength: 1, maxLength: 3 }),
      note: words,
      synthetic: fc.boolean(),
    },
    { requiredKeys: ["id", "commitment", "stage", "date", "measure", "confidence", "sources"] },
  )
  .map((e) => StageEvent.safeParse(e))
  .filter((r) => r.success)
  .map((r) => r.data as StageEvent);
const batch = fc.record({
  commitments: fc.array(commitment, { maxLength: 4 }),
  tranches: fc.array(tranche, { maxLength: 4 }),
  events: fc.array(event, { maxLength: 4 }),
});

function merged(batches: ImportedRecords[]): ImportedRecords {
  return {
    commitments: batches.flatMap((b) => b.commitments),
    tranches: batches.flatMap((b) => b.tranches),
    events: batches.flatMap((b) => b.events),
  };
}

async function xlsxBytes(batches: ImportedRecords[]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on("data", (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve) => out.on("end", resolve));
  await writeTemplateXlsx(batches, out);
  await done;
  return Buffer.concat(parts);
}

// ---- tests ---------------------------------------------------------------------------------------------------

describe("the template's columns", () => {
  it("document every column once, with a description and an example", () => {
    expect(new Set(templateColumns.map((c) => c.name)).size).toBe(templateColumns.length);
    for (const column of templateColumns) {
      expect(column.description.length).toBeGreaterThan(10);
      expect(column.example).not.toBe("");
      expect(column.type).not.toBe("");
      for (const kind of column.required) expect(column.appliesTo).toContain(kind);
    }
  });

  it("keep the export-only columns last, never required, and out of the template to fill in", () => {
    expect([...templateColumnNames, ...templateExportColumnNames]).toEqual(
      templateColumns.map((c) => c.name),
    );
    for (const column of templateColumns.filter((c) => c.exportOnly)) {
      expect(column.required).toEqual([]);
      expect(column.description).toMatch(/^Export only, ignored on import\./);
    }
  });
});

describe("export-only columns", () => {
  const record = CommitmentRecord.parse({
    id: "flagged",
    donor: "DK",
    title: "Flagged",
    category: "funding",
    measure: { kind: "money", amount: "1", currency: "EUR" },
    sources: [
      { title: "One", kind: "official" },
      { title: "Two", kind: "media" },
    ],
    conditions: ["-1 condition"],
  });
  const event = StageEvent.parse({
    id: "flagged-e",
    commitment: "flagged",
    stage: "delivered",
    date: "2024-03",
    measure: { kind: "money", amount: "1", currency: "EUR" },
    confidence: "estimated",
    sources: [{ title: "One", kind: "official" }],
  });
  const batch = { commitments: [record], tranches: [], events: [event], disputed: new Set(["flagged"]) };
  const exportCells: TemplateExportCells<typeof batch> = (row, owner, b) => ({
    version: owner.id === "flagged" ? "3" : "1",
    ...(row.record === "event" ? { estimated: String(row.confidence === "estimated") } : {}),
    ...(row.record === "source" || row.record === "condition"
      ? {}
      : { disputed: String(b.disputed.has(owner.id ?? "")) }),
    dataset_version: "42",
    as_of: "2026-01-01T00:00:00.000Z",
  });

  it("are written after the template's columns, with the owner's values, and ignored on import (CSV)", async () => {
    const csv = await text(writeTemplateCsv([batch], { bom: false, exportCells }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe([...templateColumnNames, ...templateExportColumnNames].join(","));
    const tail = (line: string | undefined) => line?.split(",").slice(-5);
    expect(tail(lines[1])).toEqual(["3", "", "true", "42", "2026-01-01T00:00:00.000Z"]); // the commitment
    expect(tail(lines[2])).toEqual(["3", "", "", "42", "2026-01-01T00:00:00.000Z"]); // its second source
    expect(tail(lines[3])).toEqual(["3", "", "", "42", "2026-01-01T00:00:00.000Z"]); // its condition
    expect(tail(lines[4])).toEqual(["1", "true", "false", "42", "2026-01-01T00:00:00.000Z"]); // the event
    const read = await collect(parseTemplateCsv(bytes(csv)));
    expect(read.problems).toEqual([]);
    expect(read.records).toEqual({ commitments: [record], tranches: [], events: [event] });
  });

  it("are ignored on import in XLSX too, and further sheets are never read", async () => {
    const pass = new PassThrough();
    const parts: Buffer[] = [];
    pass.on("data", (chunk: Buffer) => parts.push(chunk));
    const done = new Promise((resolve) => pass.on("end", resolve));
    await writeTemplateXlsx([batch], pass, {
      exportCells,
      sheets: [
        {
          name: "About",
          rows: [
            ["Citation", "=not a formula"],
            ["record", "commitment"],
          ],
        },
      ],
    });
    await done;
    const read = await collect(parseTemplateXlsx(bytes(Buffer.concat(parts))));
    expect(read.problems).toEqual([]);
    expect(read.records).toEqual({ commitments: [record], tranches: [], events: [event] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(parts) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["records", "About"]);
    expect(workbook.getWorksheet("About")?.getCell("B1").value).toBe("=not a formula");
  });
});

describe("template round trip", () => {
  it("CSV: export then import gives the same records, exactly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 3 }), async (batches) => {
        const csv = await text(writeTemplateCsv(batches));
        const read = await collect(parseTemplateCsv(bytes(csv)));
        expect(read.problems).toEqual([]);
        expect(read.records).toEqual(merged(batches));
      }),
      { numRuns: 150 },
    );
  });

  it("XLSX: export then import gives the same records, exactly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 2 }), async (batches) => {
        const read = await collect(parseTemplateXlsx(bytes(await xlsxBytes(batches))));
        expect(read.problems).toEqual([]);
        expect(read.records).toEqual(merged(batches));
      }),
      { numRuns: 25 },
    );
  });

  it("neutralises formula-leading cells in the CSV it writes, and never writes an unescaped one", async () => {
    const record: CommitmentRecord = CommitmentRecord.parse({
      id: "x",
      donor: "DK",
      title: '=HYPERLINK("http://evil","click")',
      category: "funding",
      measure: { kind: "money", amount: "1", currency: "EUR" },
      sources: [{ title: "'quoted title", kind: "official", quote: "@SUM(A1)" }],
      conditions: ["-1 means nothing", "+ also"],
    });
    const csv = await text(writeTemplateCsv([{ commitments: [record], tranches: [], events: [] }]));
    expect(csv.startsWith("\uFEFFrecord,id,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csv).toContain("''quoted title");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'-1 means nothing");
    const cells = csv.split(/[,\r\n]+/);
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    const read = await collect(parseTemplateCsv(bytes(csv)));
    expect(read.records.commitments).toEqual([record]);
  });
});

const header = templateColumnNames.join(",");
// Cells quoted per RFC 4180 but not neutralised: these rows are what a hand-made or hostile file holds.
function row(values: Partial<Record<string, string>>): string {
  return templateColumnNames
    .map((name) => values[name] ?? "")
    .map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
    .join(",");
}
const src = { source_title: "Test source", source_kind: "official" };

describe("template problems", () => {
  it("reports every bad row, naming row, column and value, and imports the good ones", async () => {
    const csv = [
      header,
      row({
        record: "commitment",
        id: "good",
        donor: "DK",
        category: "funding",
        title: "Fine",
        amount: "10",
        currency: "EUR",
        ...src,
      }),
      row({
        record: "commitment",
        id: "Bad Id",
        donor: "Narnia",
        category: "funding",
        title: "x",
        amount: "1,000",
        currency: "EUR",
        ...src,
      }),
      row({
        record: "event",
        id: "e1",
        commitment: "good",
        stage: "shipped",
        date: "2024-13",
        amount: "5",
        currency: "EURO",
        confidence: "sure",
        ...src,
      }),
      row({
        record: "tranche",
        id: "t1",
        commitment: "good",
        date: "2024",
        position: "first",
        amount: "1",
        currency: "EUR",
        source_title: "not here",
      }),
      row({ record: "thing", id: "x" }),
      row({
        record: "event",
        id: "e2",
        commitment: "good",
        stage: "delivered",
        date: "2024-02",
        quantity: "3",
        unit: "items",
        item: "boats",
        amount: "3",
        currency: "EUR",
        confidence: "estimated",
        ...src,
      }),
      row({
        record: "event",
        id: "e3",
        commitment: "good",
        stage: "delivered",
        date: "2024-02",
        quantity: "3",
        unit: "items",
        item: "boats",
        confidence: "estimated",
      }),
      row({ record: "source", id: "nobody", ...src }),
    ].join("\r\n");
    const read = await collect(parseTemplateCsv(bytes(csv)));
    expect(read.records.commitments.map((c) => c.id)).toEqual(["good"]);
    const byRow = (r: number) => read.problems.filter((p) => p.row === r);
    expect(byRow(3).map((p) => [p.column, p.value])).toEqual(
      expect.arrayContaining([
        ["id", "Bad Id"],
        ["donor", "Narnia"],
        ["amount", "1,000"],
      ]),
    );
    expect(byRow(4).map((p) => [p.column, p.value])).toEqual(
      expect.arrayContaining([
        ["stage", "shipped"],
        ["date", "2024-13"],
        ["currency", "EURO"],
        ["confidence", "sure"],
      ]),
    );
    expect(byRow(5).map((p) => p.column)).toEqual(expect.arrayContaining(["position", "source_title"]));
    expect(byRow(6)).toEqual([expect.objectContaining({ column: "record", value: "thing" })]);
    expect(byRow(7)).toEqual([
      expect.objectContaining({ column: "amount", message: expect.stringMatching(/not both/) }),
    ]);
    expect(byRow(8)).toEqual([expect.objectContaining({ column: "source_title" })]);
    expect(byRow(9)).toEqual([expect.objectContaining({ column: "id", value: "nobody" })]);
    // Every bad row is reported as an item of its own, not just the first.
    expect(read.items.filter((i) => "problems" in i).map((i) => i.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it("refuses an unescaped formula-leading cell, and restores an escaped one", async () => {
    const csv = [
      header,
      row({
        record: "commitment",
        id: "a",
        donor: "DK",
        category: "funding",
        title: "=1+2",
        amount: "1",
        currency: "EUR",
        ...src,
      }),
      row({
        record: "commitment",
        id: "b",
        donor: "DK",
        category: "funding",
        title: "'=1+2",
        amount: "1",
        currency: "EUR",
        ...src,
      }),
      row({
        record: "commitment",
        id: "c",
        donor: "DK",
        category: "funding",
        title: "@cmd",
        amount: "1",
        currency: "EUR",
        ...src,
      }),
    ].join("\r\n");
    const read = await collect(parseTemplateCsv(bytes(csv)));
    expect(read.records.commitments.map((c) => [c.id, c.title])).toEqual([["b", "=1+2"]]);
    expect(read.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, "title", "=1+2"],
      [4, "title", "@cmd"],
    ]);
  });

  it("refuses a file without the record and id columns, and reports unknown columns", async () => {
    const missing = await collect(parseTemplateCsv(bytes("name,amount\r\nx,1\r\n")));
    expect(missing.records.commitments).toEqual([]);
    expect(missing.problems.map((p) => p.column)).toEqual(["name", "record", "id"]);
    const unknown = await collect(parseTemplateCsv(bytes(`${header},donr\r\n`)));
    expect(unknown.problems).toEqual([expect.objectContaining({ row: 1, column: "donr" })]);
  });
});

describe("hostile template files", () => {
  it("reports a Latin-1 file read as UTF-8, a truncated row, an unbalanced quote and a huge cell; never throws", async () => {
    const good = row({
      record: "commitment",
      id: "ok",
      donor: "DK",
      category: "funding",
      title: "Fine",
      amount: "1",
      currency: "EUR",
      ...src,
    });
    const latin1 = Buffer.from(
      `${row({ record: "commitment", id: "l1", donor: "DK", category: "funding", title: "Türkiye", amount: "1", currency: "EUR", ...src })}\r\n`,
      "latin1",
    );
    const body = Buffer.concat([
      Buffer.from(`${header}\r\n${good}\r\n`),
      latin1,
      Buffer.from(`commitment,truncated,DK\r\n`),
      Buffer.from(
        `${row({ record: "commitment", id: "huge", donor: "DK", category: "funding", title: "x".repeat(100_000), amount: "1", currency: "EUR", ...src })}\r\n`,
      ),
      Buffer.from(`${good.replace("ok", "ok2")}\r\n`),
      Buffer.from(`commitment,"unbalanced,DK\r\n${good}\r\n`),
    ]);
    const read = await collect(parseTemplateCsv(bytes(body)));
    expect(read.records.commitments.map((c) => c.id)).toEqual(["ok", "ok2"]);
    expect(read.problems.find((p) => p.row === 3)?.message).toMatch(/not valid utf-8/);
    expect(read.problems.find((p) => p.row === 4)?.message).toMatch(/truncated/);
    expect(read.problems.find((p) => p.row === 5)?.message).toMatch(/longer than 32768/);
    expect(read.problems.find((p) => p.row === 7)?.message).toMatch(/never closed/);
  });

  it("refuses XLSX formula cells, spreadsheet dates and inexact numbers, naming the cell", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("records");
    sheet.addRow(templateColumnNames);
    const values = (cells: Record<string, unknown>) => templateColumnNames.map((name) => cells[name] ?? null);
    const base = {
      record: "commitment",
      donor: "DK",
      category: "funding",
      title: "T",
      currency: "EUR",
      ...src,
    };
    sheet.addRow(values({ ...base, id: "ok", amount: 1500000 }));
    sheet.addRow(values({ ...base, id: "formula", amount: { formula: "1+1", result: 2 } }));
    sheet.addRow(
      values({ ...base, id: "dated", amount: "1", source_published: new Date(Date.UTC(2024, 2, 1)) }),
    );
    sheet.addRow(values({ ...base, id: "big", amount: 2 ** 60 }));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await collect(parseTemplateXlsx(bytes(buffer)));
    expect(read.records.commitments.map((c) => [c.id, c.measure])).toEqual([
      ["ok", { kind: "money", amount: "1500000", currency: "EUR" }],
    ]);
    expect(read.problems.map((p) => [p.row, p.column, p.message.split(":")[0]])).toEqual([
      [3, "amount", "the cell holds a formula"],
      [4, "source_published", "a spreadsheet date"],
      [5, "amount", "a number too large to be exact in a spreadsheet cell"],
    ]);
  });

  it("reports a file that is not XLSX instead of throwing", async () => {
    const read = await collect(parseTemplateXlsx(bytes("this is not a zip file at all")));
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.message).toMatch(/not a readable XLSX workbook/);
  });
});
