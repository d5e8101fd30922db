import { Readable } from "node:stream";
import { nameTemplateCells, readTemplateHeader, TemplateGrouper } from "./template.ts";
import type { TemplateColumnName } from "./template-columns.ts";
import { type TemplateWriteOptions, templateHeader, templateValueRows } from "./template-write.ts";
import { byteChunks, excerpt } from "./text.ts";
import {
  type ByteSource,
  type CommonImportOptions,
  defaultMaxCellLength,
  type ImportedRecords,
  type ImportItem,
  type ImportProblem,
} from "./types.ts";

export const templateXlsxImporterVersion = "template-xlsx/1";

/** The worksheet the writer creates; the reader takes the first worksheet, whatever its name. */
export const templateSheetName = "records";

export interface TemplateXlsxOptions extends CommonImportOptions {}

/**
 * Reads the template as an XLSX workbook, streaming: rows are read one at a time from the first worksheet.
 * Values are taken as the workbook stores them; a formula, an error value or a spreadsheet date is refused with a
 * problem (dates must be text so their precision, "2024" or "2024-03", is kept).
 */
export async function* parseTemplateXlsx(
  input: ByteSource,
  options: TemplateXlsxOptions = {},
): AsyncGenerator<ImportItem> {
  const maxCellLength = options.maxCellLength ?? defaultMaxCellLength;
  // exceljs does not pass on the errors of the zip it reads while it writes a worksheet out to a temporary file or
  // reads one: a workbook whose compressed data is corrupt would leave the import waiting for ever. So the zip's
  // errors are listened to here, and end the reading with a problem.
  const source = Readable.from(byteChunks(input));
  let zipError: (error: unknown) => void = () => {};
  const zipFailed = new Promise<never>((_, reject) => {
    zipError = reject;
  });
  zipFailed.catch(() => {});
  const pipe = source.pipe.bind(source);
  source.pipe = <T extends NodeJS.WritableStream>(destination: T, pipeOptions?: { end?: boolean }) => {
    destination.on("error", zipError);
    return pipe(destination, pipeOptions);
  };
  // exceljs takes half a second to load: loaded on the first XLSX read or write, not by every importer of this
  // package (the API at its start).
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Styles tell a date cell from a number: without them a date would read as its serial number.
    styles: "cache",
    entries: "ignore",
  });
  let columns: (TemplateColumnName | null)[] | undefined;
  const grouper = new TemplateGrouper();
  try {
    for await (const worksheet of orFailure(reader, zipFailed)) {
      for await (const row of orFailure(worksheet, zipFailed)) {
        const problems: ImportProblem[] = [];
        const values = row.values as unknown[];
        const cells: (string | null)[] = [];
        for (let i = 1; i < values.length; i++) {
          const column = columns?.[i - 1] ?? `column ${i}`;
          cells.push(cellText(values[i], row.number, column, maxCellLength, problems));
        }
        if (cells.every((c) => c === null || c.trim() === "") && problems.length === 0) continue;
        if (!columns) {
          const header = readTemplateHeader(
            row.number,
            cells.map((c) => c ?? ""),
          );
          problems.push(...header.problems);
          if (problems.length > 0) yield { row: row.number, problems };
          if (header.fatal) return;
          columns = header.columns;
          continue;
        }
        yield* grouper.push(nameTemplateCells(row.number, cells, columns, problems, false));
      }
      // Only the first worksheet holds the template.
      break;
    }
  } catch (error) {
    source.destroy();
    yield* grouper.finish();
    yield {
      row: 0,
      problems: [{ row: 0, message: `not a readable XLSX workbook: ${(error as Error).message}` }],
    };
    return;
  }
  yield* grouper.finish();
  if (!columns) yield { row: 0, problems: [{ row: 0, message: "the workbook has no header row" }] };
}

/** The steps of `iterable`, each unless `failed` rejects first. */
function orFailure<T>(iterable: AsyncIterable<T>, failed: Promise<never>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const iterator = iterable[Symbol.asyncIterator]();
      return {
        next: () => Promise.race([iterator.next(), failed]),
        return: async (value?: unknown) => (await iterator.return?.(value)) ?? { done: true, value },
      };
    },
  };
}

/**
 * XML cannot hold most control characters, normalises CR to LF, and exceljs decodes entity-like text such as
 * "&lt;" a second time when it reads an inline string. So those characters are written in the OOXML escape form
 * `_xHHHH_`, which Excel shows as the character itself, and a literal `_xHHHH_` gets its underscore escaped
 * (`_x005F_`), so reading back is unambiguous.
 */
export function escapeXlsxText(value: string): string {
  return (
    value
      .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML cannot hold are what is escaped
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]|&(?=[A-Za-z]*;)/g, (c) => hexEscape(c))
  );
}

/** Undoes `escapeXlsxText`. */
export function unescapeXlsxText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function hexEscape(c: string): string {
  return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
}

function cellText(
  value: unknown,
  row: number,
  column: string,
  maxCellLength: number,
  problems: ImportProblem[],
): string | null {
  const refuse = (message: string, shown?: string): null => {
    problems.push({ row, column, ...(shown === undefined ? {} : { value: excerpt(shown) }), message });
    return null;
  };
  let text: string;
  if (value === null || value === undefined) return null;
  if (typeof value === "string") text = unescapeXlsxText(value);
  else if (typeof value === "boolean") text = String(value);
  else if (typeof value === "number") {
    // A number cell is exact only as an integer within 2^53, or as a short decimal; anything else may be rounded.
    if (!Number.isFinite(value)) return refuse("not a finite number");
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return refuse("a number too large to be exact in a spreadsheet cell: enter it as text", String(value));
    }
    text = String(value);
    if (/e/i.test(text)) return refuse("a number in exponent form: enter it as text", text);
  } else if (value instanceof Date) {
    return refuse(
      "a spreadsheet date: enter dates as text (YYYY, YYYY-MM or YYYY-MM-DD) so their precision is kept",
      value.toISOString(),
    );
  } else if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if ("formula" in object || "sharedFormula" in object) {
      return refuse("the cell holds a formula: the template takes values only", String(object.formula ?? ""));
    }
    if ("error" in object) return refuse("the cell holds an error value", String(object.error));
    if (Array.isArray(object.richText)) {
      text = unescapeXlsxText(
        (object.richText as { text?: unknown }[]).map((part) => String(part.text ?? "")).join(""),
      );
    } else if (typeof object.text === "string") text = unescapeXlsxText(object.text);
    else return refuse("a cell of a kind the template does not take");
  } else return refuse("a cell of a kind the template does not take");
  if (text.length > maxCellLength) {
    return refuse(`the cell is longer than ${maxCellLength} characters, the most a cell may hold`, text);
  }
  return text;
}

/** A worksheet of text cells written after the template's, such as an "About" sheet; import never reads it. */
export interface XlsxTextSheet {
  name: string;
  rows: readonly (readonly string[])[];
}

export interface TemplateXlsxWriteOptions<B extends ImportedRecords = ImportedRecords>
  extends TemplateWriteOptions<B> {
  /** Worksheets after the template's (which stays the first, the one import reads). */
  sheets?: readonly XlsxTextSheet[] | undefined;
  /**
   * Drop-downs on the template's columns: the words offered, kept on a hidden sheet. Other values may still be
   * typed (a code, the other language's name): the import reads them or says what it takes.
   */
  choices?: Partial<Record<TemplateColumnName, readonly string[]>> | undefined;
  /**
   * Format the template's columns as text, so a spreadsheet keeps what a clerk types as typed: "31/03/2027" or
   * "March 2027" would otherwise become a date (which import refuses: its precision is lost), "1,500,000" a number.
   */
  typedAsText?: boolean | undefined;
}

/** Rows of the template sheet that get the drop-downs. */
const choiceRows = 2000;
const listsSheetName = "lists";

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** One row of text cells: empty strings are empty cells, everything else a text cell (never a formula). */
export function xlsxTextRow(values: readonly string[]): (string | null)[] {
  return values.map((value) => (value === "" ? null : escapeXlsxText(value)));
}

/** A worksheet of text rows read as they are written: a sheet of any length is streamed, never held whole. */
export interface XlsxTextRowsSheet {
  name: string;
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>;
}

/**
 * Writes worksheets of text cells, streaming, to `stream`: every cell a text cell, so nothing is ever evaluated as
 * a formula or turned into a date. The template's workbook and the series export are both written this way.
 */
export async function writeXlsxTextSheets(
  sheets: readonly (XlsxTextSheet | XlsxTextRowsSheet)[],
  stream: NodeJS.WritableStream,
): Promise<void> {
  // exceljs takes half a second to load: loaded on the first XLSX written, not at every start.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: stream as unknown as import("node:stream").Stream,
    useStyles: false,
    useSharedStrings: false,
  });
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    for await (const row of rows) sheet.addRow(xlsxTextRow(row)).commit();
    sheet.commit();
  }
  await workbook.commit();
}

/**
 * Writes records as the template's XLSX workbook, streaming, to `stream`. Every cell is a text cell, so nothing
 * is ever evaluated as a formula or turned into a date; reading it back gives the same records.
 */
export async function writeTemplateXlsx<B extends ImportedRecords>(
  batches: Iterable<B> | AsyncIterable<B>,
  stream: NodeJS.WritableStream,
  options: TemplateXlsxWriteOptions<B> = {},
): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: stream as unknown as import("node:stream").Stream,
    useStyles: options.typedAsText === true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(templateSheetName);
  const header = templateHeader(options);
  // Before the first row: the columns are written with it.
  if (options.typedAsText) for (let i = 1; i <= header.length; i++) sheet.getColumn(i).numFmt = "@";
  sheet.addRow(header).commit();
  const lists = Object.entries(options.choices ?? {}).filter(([column]) => header.includes(column));
  // The streaming writer keeps and writes data validations as the workbook's does; its types leave them out.
  const validations = (
    sheet as unknown as {
      dataValidations: { add(range: string, validation: import("exceljs").DataValidation): void };
    }
  ).dataValidations;
  lists.forEach(([column, words], i) => {
    const at = columnLetters(header.indexOf(column));
    const list = columnLetters(i);
    validations.add(`${at}2:${at}${choiceRows}`, {
      type: "list",
      allowBlank: true,
      showErrorMessage: false,
      formulae: [`${listsSheetName}!$${list}$1:$${list}$${Math.max(1, words?.length ?? 0)}`],
    });
  });
  for await (const values of templateValueRows(batches, options)) sheet.addRow(xlsxTextRow(values)).commit();
  sheet.commit();
  for (const extra of options.sheets ?? []) {
    const other = workbook.addWorksheet(extra.name);
    for (const row of extra.rows) other.addRow(xlsxTextRow(row)).commit();
    other.commit();
  }
  if (lists.length > 0) {
    const hidden = workbook.addWorksheet(listsSheetName, { state: "hidden" });
    const longest = Math.max(...lists.map(([, words]) => words?.length ?? 0));
    for (let r = 0; r < longest; r++)
      hidden.addRow(xlsxTextRow(lists.map(([, words]) => words?.[r] ?? ""))).commit();
    hidden.commit();
  }
  await workbook.commit();
}
