/**
 * CSV as RFC 4180 writes it, read and written as a stream. Our own small reader rather than a library: it must
 * report the line each record starts on exactly (quoted cells may hold line breaks), keep going after a bad
 * record, and cap every cell and record so a hostile file cannot make it hold more than a bounded amount of text.
 */

export interface CsvCellProblem {
  /** 0-based index of the cell in its record. */
  cell: number;
  message: string;
}

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  cells: string[];
  problems: CsvCellProblem[];
}

export interface CsvReadOptions {
  delimiter?: string;
  /** Longest cell kept, in characters; the rest is dropped and reported. Default 32,768. */
  maxCellLength?: number;
  /** Most cells kept per record; the rest are dropped and reported. Default 1,000. */
  maxCells?: number;
  /** Most characters kept per record, all cells together. Default 1,048,576. */
  maxRecordLength?: number;
}

const CR = 13;
const LF = 10;
const QUOTE = 34;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;

/** Records of a CSV text stream, one at a time; blank lines come through as a record with one empty cell. */
export async function* readCsv(
  text: AsyncIterable<string>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  const delimiter = (options.delimiter ?? ",").charCodeAt(0);
  const maxCellLength = options.maxCellLength ?? 32_768;
  const maxCells = options.maxCells ?? 1000;
  const maxRecordLength = options.maxRecordLength ?? 1_048_576;

  let state = FIELD_START;
  let line = 1;
  let recordLine = 1;
  let recordStarted = false;
  let skipLF = false;
  let prevCR = false;
  let quoteLine = 1;
  let cells: string[] = [];
  let cell = "";
  let cellDropped = false;
  let recordLength = 0;
  let recordDropped = false;
  let strayQuote = false;
  let problems: CsvCellProblem[] = [];
  let ready: CsvRecord[] = [];

  const append = (piece: string) => {
    if (cellDropped || recordDropped) return;
    if (recordLength + piece.length > maxRecordLength) {
      recordDropped = true;
      problems.push({
        cell: cells.length,
        message: `the row is longer than ${maxRecordLength} characters: the rest of it was not read`,
      });
      return;
    }
    if (cell.length + piece.length > maxCellLength) {
      cellDropped = true;
      piece = piece.slice(0, maxCellLength - cell.length);
      problems.push({
        cell: cells.length,
        message: `the cell is longer than ${maxCellLength} characters, the most a cell may hold`,
      });
    }
    cell += piece;
    recordLength += piece.length;
  };
  const endCell = () => {
    if (cells.length < maxCells) cells.push(cell);
    else if (cells.length === maxCells && !problems.some((p) => p.cell === maxCells)) {
      problems.push({
        cell: maxCells,
        message: `the row has more than ${maxCells} cells: the rest were dropped`,
      });
    }
    cell = "";
    cellDropped = false;
    strayQuote = false;
  };
  const endRecord = () => {
    endCell();
    ready.push({ line: recordLine, cells, problems });
    cells = [];
    problems = [];
    recordLength = 0;
    recordDropped = false;
    recordStarted = false;
    state = FIELD_START;
  };
  const lineBreak = (c: number) => {
    line++;
    skipLF = c === CR;
    endRecord();
  };

  for await (const chunk of text) {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (skipLF) {
        skipLF = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (!recordStarted) {
        recordStarted = true;
        recordLine = line;
      }
      if (state === FIELD_START) {
        if (c === QUOTE) {
          state = QUOTED;
          quoteLine = line;
          prevCR = false;
          i++;
        } else state = UNQUOTED;
        continue;
      }
      if (state === UNQUOTED) {
        let j = i;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === delimiter || d === CR || d === LF || d === QUOTE) break;
          j++;
        }
        if (j > i) append(chunk.slice(i, j));
        i = j;
        if (i >= n) break;
        const d = chunk.charCodeAt(i);
        i++;
        if (d === delimiter) {
          endCell();
          state = FIELD_START;
        } else if (d === QUOTE) {
          // RFC 4180 allows a quote only in a quoted cell; keep it as text, but say so.
          if (!strayQuote) {
            strayQuote = true;
            problems.push({ cell: cells.length, message: 'a double quote (") inside an unquoted cell' });
          }
          append('"');
        } else lineBreak(d);
        continue;
      }
      if (state === QUOTED) {
        let j = i;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === QUOTE) break;
          // Line breaks inside a quoted cell are content; count them so later rows keep their true line.
          if (d === LF) {
            if (!prevCR) line++;
            prevCR = false;
          } else if (d === CR) {
            line++;
            prevCR = true;
          } else prevCR = false;
          j++;
        }
        if (j > i) append(chunk.slice(i, j));
        i = j;
        if (i < n) {
          prevCR = false;
          state = AFTER_QUOTE;
          i++;
        }
        continue;
      }
      // AFTER_QUOTE: a doubled quote is a literal quote; otherwise the cell has ended.
      if (c === QUOTE) {
        append('"');
        state = QUOTED;
        i++;
      } else if (c === delimiter) {
        endCell();
        state = FIELD_START;
        i++;
      } else if (c === CR || c === LF) {
        i++;
        lineBreak(c);
      } else {
        problems.push({ cell: cells.length, message: "text after the closing quote of a quoted cell" });
        state = UNQUOTED;
      }
    }
    if (ready.length > 0) {
      yield* ready;
      ready = [];
    }
  }
  if (state === QUOTED) {
    problems.push({
      cell: cells.length,
      message: `a quote opened on line ${quoteLine} is never closed: the rest of the file was read as one cell`,
    });
  }
  if (recordStarted) endRecord();
  yield* ready;
}

/** True for a record that is only a blank line or empty cells. */
export function isBlank(record: CsvRecord): boolean {
  return record.cells.every((cell) => cell.trim() === "");
}

// Cells a spreadsheet would run as a formula (=, +, -, @; tab and CR too, which some strip first), and cells that
// already start with the apostrophe we use as the escape, so that reading back is unambiguous.
const needsEscape = /^[=+\-@\t\r']/;

/**
 * Neutralises a cell against spreadsheet formula injection: a value starting with =, +, -, @, tab, CR or an
 * apostrophe gets one more apostrophe in front. `restoreCell` removes exactly one leading apostrophe, so every
 * value, including one that genuinely starts with an apostrophe, reads back as it was written.
 */
export function neutraliseCell(value: string): string {
  return needsEscape.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseCell`. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** True for a cell that a spreadsheet could run as a formula, as read (not escaped). */
export function isFormulaLike(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell);
}

/** One cell per RFC 4180: neutralised, then quoted if it holds a quote, comma or line break. */
export function csvCell(value: string): string {
  const cell = neutraliseCell(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One CSV line, CRLF-terminated (RFC 4180). */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
