import { csvLine } from "./csv.ts";
import { type TemplateRow, templateRows, templateRowValues } from "./template.ts";
import {
  type TemplateExportColumnName,
  templateColumnNames,
  templateExportColumnNames,
} from "./template-columns.ts";
import type { ImportedRecords } from "./types.ts";

/**
 * The export-only cells of one row (see `templateColumns`, `exportOnly`): `row` is the row written, `owner` the
 * commitment, tranche or event row it belongs to (the row itself, or the record a source or condition row adds
 * to), `batch` the batch it came from. Absent cells are written empty.
 */
export type TemplateExportCells<B extends ImportedRecords = ImportedRecords> = (
  row: TemplateRow,
  owner: TemplateRow,
  batch: B,
) => Partial<Record<TemplateExportColumnName, string>>;

export interface TemplateWriteOptions<B extends ImportedRecords = ImportedRecords> {
  /**
   * Also write the export-only columns, after the template's own, with these values. Import ignores them, so
   * the file still reads back to the same records.
   */
  exportCells?: TemplateExportCells<B> | undefined;
}

export interface TemplateCsvWriteOptions<B extends ImportedRecords = ImportedRecords>
  extends TemplateWriteOptions<B> {
  /** Start with a UTF-8 byte order mark, so spreadsheets open the file as UTF-8. Default true. */
  bom?: boolean;
}

/** The header of a written template: its columns, then the export-only ones if the options ask for them. */
export function templateHeader(options: { exportCells?: unknown } = {}): string[] {
  return options.exportCells
    ? [...templateColumnNames, ...templateExportColumnNames]
    : [...templateColumnNames];
}

/** The rows of a written template, header excluded, each as its cells in `templateHeader` order. */
export async function* templateValueRows<B extends ImportedRecords>(
  batches: Iterable<B> | AsyncIterable<B>,
  options: TemplateWriteOptions<B> = {},
): AsyncGenerator<string[]> {
  const { exportCells } = options;
  for await (const batch of batches) {
    let owner: TemplateRow = {};
    for (const row of templateRows(batch)) {
      const values = templateRowValues(row);
      if (!exportCells) {
        yield values;
        continue;
      }
      if (row.record !== "source" && row.record !== "condition") owner = row;
      const cells = exportCells(row, owner, batch);
      yield [...values, ...templateExportColumnNames.map((name) => cells[name] ?? "")];
    }
  }
}

/**
 * Writes records as the template's CSV, one line at a time: RFC 4180, UTF-8, CRLF, every cell neutralised against
 * formula injection (see `neutraliseCell`). `parseTemplateCsv` reads it back to the same records.
 */
export async function* writeTemplateCsv<B extends ImportedRecords>(
  batches: Iterable<B> | AsyncIterable<B>,
  options: TemplateCsvWriteOptions<B> = {},
): AsyncGenerator<string> {
  yield `${options.bom === false ? "" : "\uFEFF"}${csvLine(templateHeader(options))}`;
  for await (const values of templateValueRows(batches, options)) yield csvLine(values);
}
