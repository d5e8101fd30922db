import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { writeTemplateCsv, writeTemplateXlsx } from "@commitments/importers";
import { generatedRecords } from "@commitments/importers/testing";
import fc from "fast-check";

/* Hostile text files for hostile-imports.test.ts: valid template files, and faults of their lines, cells, bytes and encodings. */

// What an expanded entity would put in a report or a record: the first line of the real /etc/passwd, the laughs.
export const passwdLine = (() => {
  try {
    return readFileSync("/etc/passwd", "utf8").split("\n")[0] ?? "root:x:0:0";
  } catch {
    return "root:x:0:0";
  }
})();
export const laughs = "lollollollol";

// --- Generated valid files -------------------------------------------------------------------------------------

export async function templateCsvText(prefix: string): Promise<string> {
  let text = "";
  for await (const line of writeTemplateCsv(generatedRecords(prefix, 6, 2, 6))) text += line;
  return text;
}

export async function templateXlsxBytes(prefix: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeTemplateXlsx(generatedRecords(prefix, 6, 2, 6), sink);
  return Buffer.concat(chunks);
}

// --- CSV text, line by line -------------------------------------------------------------------------------------

/** The cells of one CSV line (no line breaks in its cells), quotes kept as written. */
export function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

export const unquote = (cell: string) =>
  cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
export const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export interface Lines {
  lines: string[][];
  /** Index of the header line among `lines`. */
  header: number;
  eol: string;
}

export function linesOf(text: string, header: number): Lines {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return { lines: lines.map(splitLine), header, eol };
}

export const join = ({ lines, eol }: Lines) => `${lines.map((cells) => cells.join(",")).join(eol)}${eol}`;

// --- Faults ------------------------------------------------------------------------------------------------------

export const junkText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-0",
    "0x1F",
    "１２３",
    "1,5",
    "  ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "\uFEFF",
    "\u202E",
    "?",
    "N/A",
    "'",
    "''",
    "\t",
    "&lt;",
    "_x0041_",
    "<![CDATA[x]]>",
    "../../etc/passwd",
  ),
);
export const formula = fc
  .tuple(
    fc.constantFrom("=", "+", "-", "@", "\t=", "\r="),
    fc.constantFrom(
      "cmd|' /C calc'!A0",
      "1+1",
      "SUM(A1:A9)",
      'HYPERLINK("http://127.0.0.1/x","click")',
      "2+3",
      'WEBSERVICE("http://127.0.0.1/")',
    ),
  )
  .map(([lead, rest]) => lead + rest);
/** A cell of megabytes, or just past the cell limit. */
export const hugeCell = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: 32_000, max: 40_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000_000, max: 3_000_000 }) },
  )
  .chain((length) => fc.constantFrom("x", "é", "9", "€").map((unit) => unit.repeat(length)));
export const cellValue = fc.oneof(
  { weight: 3, arbitrary: junkText },
  { weight: 3, arbitrary: formula },
  { weight: 1, arbitrary: hugeCell },
);

export type TextFault = { name: string; apply(file: Lines): Lines };

/** Faults of a CSV file's lines: its cells, rows and columns. */
export function csvFaults(sample: Lines): fc.Arbitrary<TextFault> {
  const width = sample.lines[sample.header]?.length ?? 1;
  const rows = sample.lines.length;
  const copy = (file: Lines): Lines => ({ ...file, lines: file.lines.map((cells) => [...cells]) });
  const line = fc.integer({ min: 0, max: rows - 1 });
  const dataLine = fc.integer({ min: Math.min(sample.header + 1, rows - 1), max: rows - 1 });
  const column = fc.integer({ min: 0, max: width - 1 });
  return fc.oneof(
    fc.tuple(dataLine, column, cellValue, fc.boolean()).map(([i, j, value, quoted]) => ({
      name: "a cell replaced",
      apply: (file: Lines) => {
        const out = copy(file);
        const cells = out.lines[Math.min(i, out.lines.length - 1)];
        if (cells && j < cells.length) cells[j] = quoted ? `"${value.replaceAll('"', '""')}"` : value;
        return out;
      },
    })),
    fc.tuple(line, fc.nat(), fc.constantFrom('"', '""', '"""', "'\"", '"x"y')).map(([i, at, q]) => ({
      name: "an unbalanced quote",
      apply: (file: Lines) => {
        const out = copy(file);
        const cells = out.lines[Math.min(i, out.lines.length - 1)];
        if (cells && cells.length > 0) {
          const j = at % cells.length;
          const cell = cells[j] as string;
          const k = cell.length === 0 ? 0 : at % (cell.length + 1);
          cells[j] = cell.slice(0, k) + q + cell.slice(k);
        }
        return out;
      },
    })),
    fc.shuffledSubarray([...Array(width).keys()], { minLength: width, maxLength: width }).map((order) => ({
      name: "columns in another order",
      apply: (file: Lines) => {
        const out = copy(file);
        out.lines = out.lines.map((cells, i) => (i < file.header ? cells : order.map((k) => cells[k] ?? "")));
        return out;
      },
    })),
    column.map((j) => ({
      name: "a column missing",
      apply: (file: Lines) => {
        const out = copy(file);
        out.lines = out.lines.map((cells, i) => (i < file.header ? cells : cells.filter((_, k) => k !== j)));
        return out;
      },
    })),
    fc
      .tuple(column, fc.oneof(junkText.map(quote), fc.constantFrom("", "record", "id", "ID", "Recipient")))
      .map(([j, name]) => ({
        name: "a header renamed",
        apply: (file: Lines) => {
          const out = copy(file);
          const header = out.lines[file.header];
          if (header && j < header.length) header[j] = name;
          return out;
        },
      })),
    column.map((j) => ({
      name: "a header repeated",
      apply: (file: Lines) => {
        const out = copy(file);
        const header = out.lines[file.header];
        if (header) header.push(header[j % header.length] as string);
        return out;
      },
    })),
    fc.constant({
      name: "no header",
      apply: (file: Lines) => ({ ...copy(file), lines: file.lines.filter((_, i) => i !== file.header) }),
    }),
    fc.tuple(dataLine, fc.integer({ min: 1, max: 40 })).map(([i, cut]) => ({
      name: "a truncated row",
      apply: (file: Lines) => {
        const out = copy(file);
        const cells = out.lines[Math.min(i, out.lines.length - 1)];
        if (cells) cells.splice(Math.max(1, cells.length - cut));
        return out;
      },
    })),
    // Cut at a line end: what is left may be a valid file of fewer rows, which must then import whole.
    dataLine.map((i) => ({
      name: "cut at a line end",
      apply: (file: Lines) => ({ ...copy(file), lines: file.lines.slice(0, i + 1) }),
    })),
    dataLine.map((i) => ({
      name: "a row repeated",
      apply: (file: Lines) => {
        const out = copy(file);
        out.lines.splice(i, 0, [...(out.lines[Math.min(i, out.lines.length - 1)] ?? [])]);
        return out;
      },
    })),
    fc.tuple(dataLine, fc.array(junkText.map(quote), { minLength: 1, maxLength: 40 })).map(([i, cells]) => ({
      name: "a junk row",
      apply: (file: Lines) => {
        const out = copy(file);
        out.lines.splice(i, 0, cells);
        return out;
      },
    })),
    fc.integer({ min: 2, max: 3000 }).map((cells) => ({
      name: "a row of thousands of cells",
      apply: (file: Lines) => {
        const out = copy(file);
        out.lines.push(Array.from({ length: cells }, (_, k) => String(k)));
        return out;
      },
    })),
  );
}

export type Bytes = Buffer;
export type ByteFault = { name: string; apply(bytes: Bytes): Bytes };

/** A place in a file, as a fraction of its length: anywhere alike (fast-check would favour the ends). */
export const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);

/** Faults of the bytes: emptied, cut short, flipped, invalid UTF-8 put in. */
export const byteFaults: fc.Arbitrary<ByteFault> = fc.oneof(
  fc.constantFrom(
    { name: "empty", apply: () => Buffer.alloc(0) },
    { name: "blank", apply: () => Buffer.from(" \r\n\n\t\r\n") },
    { name: "only a byte order mark", apply: () => Buffer.from([0xef, 0xbb, 0xbf]) },
  ),
  fraction.map((at) => ({
    name: "truncated",
    apply: (bytes: Bytes) => bytes.subarray(0, Math.floor(bytes.length * at)),
  })),
  fc
    .array(fc.tuple(fraction, fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    })
    .map((flips) => ({
      name: "bytes flipped",
      apply: (bytes: Bytes) => {
        const out = Buffer.from(bytes);
        for (const [at, value] of flips) if (out.length > 0) out[Math.floor(at * (out.length - 1))] = value;
        return out;
      },
    })),
  fc
    .tuple(
      fraction,
      fc.constantFrom(
        [0xff],
        [0xfe, 0xff],
        [0xc3, 0x28],
        [0xed, 0xa0, 0x80],
        [0xc0, 0xaf],
        [0xf4, 0x90, 0x80, 0x80],
        [0xe2, 0x82],
        [0x00],
        [0xef, 0xbb, 0xbf],
      ),
    )
    .map(([at, bad]) => ({
      name: "invalid UTF-8 put in",
      apply: (bytes: Bytes) => {
        const i = Math.floor(at * bytes.length);
        return Buffer.concat([bytes.subarray(0, i), Buffer.from(bad), bytes.subarray(i)]);
      },
    })),
);

export type Encoding = "utf-8" | "latin1" | "utf-16le" | "utf-16be" | "utf-16le-bom" | "utf-16be-bom";

export function encode(text: string, encoding: Encoding): Bytes {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  if (encoding === "latin1") return Buffer.from(text, "latin1");
  const bom = encoding.endsWith("-bom") ? "\uFEFF" : "";
  const le = Buffer.from(bom + text, "utf16le");
  return encoding.startsWith("utf-16be") ? le.swap16() : le;
}

/**
 * A hostile file from a valid one: faults of its lines (CSV), of its text, its encoding and its bytes. Some
 * happen to leave a valid file (columns reordered): then it must import whole, or change nothing.
 */
export function textFile(
  sample: string,
  expected: "utf-8" | "latin1",
  lineFaults: fc.Arbitrary<TextFault> | undefined,
  textFaults: fc.Arbitrary<TextFault>[] = [],
  header = 0,
  fresh?: (text: string, n: number) => string,
): fc.Arbitrary<{ bytes: Bytes; faults: string[] }> {
  const other: Encoding[] =
    expected === "utf-8"
      ? ["latin1", "utf-16le", "utf-16be", "utf-16le-bom", "utf-16be-bom"]
      : ["utf-8", "utf-16le", "utf-16be-bom"];
  const faults = [...(lineFaults ? [lineFaults] : []), ...textFaults];
  return fc
    .record({
      text: fc.array(fc.oneof(...faults), { minLength: 0, maxLength: 3 }),
      // Another encoding, with a character it writes otherwise put in, so that there is something to misread.
      encoding: fc.oneof(
        { weight: 3, arbitrary: fc.constant<Encoding>(expected) },
        { weight: 1, arbitrary: fc.constantFrom(...other) },
      ),
      accent: fc.constantFrom("é", "Ü", "€", "Ї", "—"),
      bytes: fc.array(byteFaults, { minLength: 0, maxLength: 2 }),
      eol: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom("\r", "\n", "\r\n") },
      ),
      // Records the ledger does not hold yet, half the time, so that what still reads is imported (and checked).
      fresh: fc.option(fc.integer({ min: 1, max: 2 ** 30 }), { freq: 2 }),
    })
    .filter((f) => f.text.length + f.bytes.length > 0 || f.encoding !== expected || f.eol !== undefined)
    .map((f) => {
      let file = linesOf(fresh && f.fresh !== null ? fresh(sample, f.fresh) : sample, header);
      for (const fault of f.text) file = fault.apply(file);
      if (f.eol !== undefined) file = { ...file, eol: f.eol };
      let text = join(file);
      if (f.encoding !== expected) {
        const at = text.indexOf("\n", text.length >> 1);
        text = `${text.slice(0, at + 1)}${f.accent}${text.slice(at + 1)}`;
      }
      let bytes = encode(text, f.encoding);
      for (const fault of f.bytes) bytes = fault.apply(bytes);
      const names = [...f.text.map((t) => t.name), ...(f.encoding === expected ? [] : [f.encoding])];
      return { bytes, faults: [...names, ...f.bytes.map((b) => b.name), ...(f.eol ? ["line ends"] : [])] };
    });
}
