import { csvLine } from "./csv.ts";
import { templateRows, templateRowValues } from "./template.ts";
import { templateColumnNames } from "./template-columns.ts";
import type { ImportedRecords } from "./types.ts";

export interface TemplateCsvWriteOptions {
  /** Start with a UTF-8 byte order mark, so spreadsheets open the file as UTF-8. Default true. */
  bom?: boolean;
}

/**
 * Writes records as the template's CSV, one line at a time: RFC 4180, UTF-8, CRLF, every cell neutralised against
 * formula injection (see `neutraliseCell`). `parseTemplateCsv` reads it back to the same records.
 */
export async function* writeTemplateCsv(
  batches: Iterable<ImportedRecords> | AsyncIterable<ImportedRecords>,
  options: TemplateCsvWriteOptions = {},
): AsyncGenerator<string> {
  yield `${options.bom === false ? "" : "\uFEFF"}${csvLine(templateColumnNames)}`;
  for await (const batch of batches) {
    for (const row of templateRows(batch)) yield csvLine(templateRowValues(row));
  }
}
