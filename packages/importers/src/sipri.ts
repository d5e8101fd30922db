import type {
  CategoryId,
  CommitmentRecord,
  Confidence,
  PartialDate,
  PartyId,
  StageEvent,
} from "@commitments/core";
import { type CsvRecord, isBlank, readCsv } from "./csv.ts";
import { partyByName } from "./parties.ts";
import { commitmentSchema, eventSchema, type Locate, shortHash, validate } from "./records.ts";
import { sipriCategory } from "./sipri-categories.ts";
import { readSipriHeader, withCommentLinesJoined } from "./sipri-export.ts";
import { sipriDonor } from "./sipri-financing.ts";
import { decodeText, encodingProblem, excerpt, type TextEncoding } from "./text.ts";
import {
  type ByteSource,
  type CommonImportOptions,
  defaultMaxCellLength,
  type ImportItem,
  type ImportProblem,
} from "./types.ts";

export const sipriImporterVersion = "sipri-trade-register/2";

export const sipriPublisher = "Stockholm International Peace Research Institute (SIPRI)";
export const sipriDatabaseUrl = "https://www.sipri.org/databases/armstransfers";

export interface SipriOptions extends CommonImportOptions {
  /** SIPRI writes its CSV exports in Latin-1. Default "latin1". */
  encoding?: TextEncoding;
  /**
   * Only deals with this recipient are imported (default UA); the others are skipped, whatever names they carry.
   * Null imports every recipient, and a recipient or supplier the tracker does not know is then a problem.
   */
  recipient?: PartyId | null;
  /** Where the export came from; default SIPRI's database page. */
  url?: string;
  /** When the data were generated; default the date in the file's "Data generated:" line. */
  published?: PartialDate;
  /**
   * Confidence of figures SIPRI does not flag as uncertain. Default "independently_verified": SIPRI is not the
   * donor and compiles each deal from several open sources. Figures flagged "?" are always "estimated".
   */
  confidence?: Confidence;
  /** The tracker category for a weapon; consulted before the built-in table (`sipriWeaponCategories`). */
  categoryFor?: (description: string, designation: string) => CategoryId | undefined;
}

/**
 * Reads a SIPRI Arms Transfers Database trade register CSV export, as SIPRI publishes it: the whole register or
 * any part of it. The preamble before the header is skipped (its "Data generated" date is kept as the source's
 * date). Each deal with the recipient asked for becomes a commitment measured in items of the weapon designation,
 * with a committed event in its year of order and, if anything was delivered, one delivered event: SIPRI gives the
 * number delivered over all the delivery years, not per year, so the event is dated to the last delivery year with
 * the span as its period and the years in its note; no yearly split is invented. Deals with other recipients are
 * skipped.
 */
export async function* parseSipriTradeRegister(
  input: ByteSource,
  options: SipriOptions = {},
): AsyncGenerator<ImportItem> {
  const encoding = options.encoding ?? "latin1";
  const records = readCsv(decodeText(input, encoding), {
    maxCellLength: options.maxCellLength ?? defaultMaxCellLength,
  });
  const header = await readSipriHeader(records);
  if ("problems" in header) {
    await records.return(undefined);
    yield header;
    return;
  }
  const { columns } = header;
  const context: RowContext = {
    options,
    encoding,
    recipientFilter: options.recipient === undefined ? "UA" : options.recipient,
    published: options.published ?? header.published,
    yearRange: header.yearRange,
    seen: new Map(),
  };
  for await (const record of withCommentLinesJoined(records, columns)) {
    if (isBlank(record) && record.problems.length === 0) continue;
    yield sipriRow(record, columns, context);
  }
}

interface RowContext {
  options: SipriOptions;
  encoding: TextEncoding;
  recipientFilter: PartyId | null;
  published: PartialDate | undefined;
  yearRange: string | undefined;
  seen: Map<string, number>;
}

const tivNote = "SIPRI TIV (trend-indicator value, millions: SIPRI's volume indicator, not a price)";

function sipriRow(record: CsvRecord, columns: readonly string[], context: RowContext): ImportItem {
  const { options } = context;
  const { line, cells: rawCells } = record;
  const problems: ImportProblem[] = record.problems.map((p) => ({
    row: line,
    column: columns[p.cell] ?? `column ${p.cell + 1}`,
    message: p.message,
  }));
  if (rawCells.length !== columns.length) {
    problems.push({
      row: line,
      message: `the row has ${rawCells.length} cells and the header ${columns.length}: a truncated or shifted row`,
    });
    return { row: line, problems };
  }
  const cell = (name: string): string => (rawCells[columns.indexOf(name)] ?? "").trim();
  const problem = (column: string, message: string, value = cell(column)) => {
    problems.push({ row: line, column, ...(value === "" ? {} : { value: excerpt(value) }), message });
  };
  columns.forEach((column, i) => {
    const wrong = encodingProblem(line, column, rawCells[i] ?? "", context.encoding);
    if (wrong) problems.push(wrong);
  });

  // "Is this the recipient asked for?" needs no known name: every name of the recipient is known. Another
  // recipient's deal is skipped unless the file itself is faulty there (a cell cut short, the wrong encoding).
  const recipientName = cell("Recipient");
  const recipient = partyByName(recipientName);
  if (context.recipientFilter !== null && recipient !== context.recipientFilter)
    return problems.length > 0
      ? { row: line, problems }
      : { row: line, skipped: "a deal with another recipient" };
  if (recipient === undefined) problem("Recipient", "not a state or organisation the tracker knows");
  columns.forEach((column, i) => {
    if (/^[=+@\t\r]/.test(rawCells[i] ?? ""))
      problem(column, "a cell starting with =, +, @, tab or CR: refused as a possible spreadsheet formula");
  });
  const flagged = (column: string): boolean => {
    const name = `${column} (uncertain)`;
    if (!columns.includes(name)) return false;
    const flag = cell(name);
    if (flag !== "" && flag !== "?") problem(name, 'expected "?" or an empty cell');
    return flag === "?";
  };
  const count = (column: string): number | null => {
    const value = cell(column);
    if (value === "") return null;
    if (!/^\d{1,9}$/.test(value)) {
      problem(column, "expected a whole number");
      return null;
    }
    return Number(value);
  };

  const supplierName = cell("Supplier");
  const supplier = partyByName(supplierName);
  const comments = cell("Comments");
  const paid = sipriDonor(supplierName, supplier, comments);
  const { donor, financing } = paid;
  if (paid.problem) problem(paid.problem.column, paid.problem.message, paid.problem.value);
  const warnings: ImportProblem[] = paid.warnings.map((w) => ({ row: line, ...w, value: excerpt(w.value) }));

  const year = cell("Year of order");
  if (!/^\d{4}$/.test(year)) problem("Year of order", "expected a year");
  const yearUncertain = flagged("Year of order");
  // Empty: SIPRI does not know the number yet ("not yet available"), which is not an error.
  const ordered = count("Number ordered");
  const orderedUncertain = flagged("Number ordered");
  const delivered = count("Number delivered") ?? 0;
  const deliveredUncertain = flagged("Number delivered");
  const yearsText = cell("Year(s) of delivery");
  const years = yearsText === "" ? [] : yearsText.split(/\s*;\s*/);
  if (years.some((y) => !/^\d{4}$/.test(y)))
    problem("Year(s) of delivery", 'expected years separated by "; "');
  if (delivered > 0 && years.length === 0) problem("Year(s) of delivery", "deliveries without a year");
  const designation = cell("Weapon designation");
  const description = cell("Weapon description");
  const known = options.categoryFor?.(description, designation) ?? sipriCategory(description, designation);
  if (known === undefined) {
    warnings.push({
      row: line,
      column: "Weapon description",
      value: excerpt(description),
      message: `"${description}" is not in the tracker's table of SIPRI's weapon descriptions: recorded as military aid, type not specified`,
    });
  }
  if (problems.length > 0) return { row: line, problems };

  // A deal is identified by its recipient, supplier, year of order, designation and description as SIPRI writes
  // them, and its place among identical deals: a later export that revises a deal's numbers, comments or delivery
  // gives the same id, so importing it corrects the deal rather than adding it again. (SIPRI's export has no deal
  // number of its own; a deal whose year, designation or description SIPRI revises gets a new id.)
  const baseId = `sipri-${shortHash([recipientName, supplierName, year, designation, description])}`;
  const occurrence = (context.seen.get(baseId) ?? 0) + 1;
  context.seen.set(baseId, occurrence);
  const id = occurrence === 1 ? baseId : `${baseId}-${occurrence}`;
  const source = {
    title: `SIPRI Arms Transfers Database, trade register${context.yearRange ? ` (deliveries ${context.yearRange})` : ""}`,
    kind: "dataset" as const,
    publisher: sipriPublisher,
    url: options.url ?? sipriDatabaseUrl,
    ...(context.published ? { published: context.published } : {}),
    locator: `row ${line}`,
    ...(comments === "" ? {} : { quote: comments.slice(0, 2000) }),
  };
  const confidence = options.confidence ?? "independently_verified";
  const quantity = (n: number) => ({
    kind: "quantity" as const,
    count: String(n),
    unit: "items" as const,
    item: designation,
  });
  const status = cell("status");
  const tiv = (label: string, column: string) => (cell(column) === "" ? [] : [`${label} ${cell(column)}`]);
  const tivs = [...tiv("per unit", "SIPRI TIV per unit"), ...tiv("total order", "SIPRI TIV for total order")];
  const commitment = {
    id,
    donor,
    recipient,
    title: `${designation} (${description}) from ${supplierName}${paid.financed}, ordered ${year}`.slice(
      0,
      500,
    ),
    category: known ?? "military",
    measure: quantity(ordered ?? delivered),
    sources: [source],
  };
  const committedNote = [
    `Supplier: ${supplierName}.`,
    ...(financing ? [`SIPRI: "${financing.text}".`] : []),
    ...(status === "" ? [] : [`Status: ${status}.`]),
    ...(ordered !== null
      ? []
      : delivered > 0
        ? [
            "SIPRI gives no number ordered (not yet available): the count is the number delivered so far, a floor, not the order.",
          ]
        : [
            "SIPRI gives no number ordered yet (not yet available) and no delivery: the count of 0 records the deal, not its size.",
          ]),
    ...(known === undefined
      ? [`SIPRI's weapon description "${description}" has no tracker category yet: filed as military aid.`]
      : []),
    ...(tivs.length > 0 ? [`${tivNote}: ${tivs.join(", ")}.`] : []),
  ].join(" ");
  const events: unknown[] = [
    {
      id: `${id}-committed`,
      commitment: id,
      stage: "committed",
      date: year,
      measure: quantity(ordered ?? delivered),
      confidence:
        ordered === null ? "undisclosed" : yearUncertain || orderedUncertain ? "estimated" : confidence,
      sources: [source],
      note: committedNote.slice(0, 2000),
    },
  ];
  if (delivered > 0) {
    const sorted = [...years].sort();
    const first = sorted[0] as string;
    const last = sorted.at(-1) as string;
    const deliveredTiv = cell("SIPRI TIV of delivered weapons");
    events.push({
      id: `${id}-delivered`,
      commitment: id,
      stage: "delivered",
      date: last,
      ...(first === last ? {} : { period: { start: first, end: last } }),
      measure: quantity(delivered),
      confidence: deliveredUncertain ? "estimated" : confidence,
      sources: [source],
      note: [
        first === last
          ? `Delivered in ${last}.`
          : `Delivered over ${years.join("; ")}; SIPRI gives no split by year, so the whole number is dated to ${last}.`,
        ...(deliveredTiv === "" ? [] : [`${tivNote} of delivered weapons: ${deliveredTiv}.`]),
      ].join(" "),
    });
  }
  const checked = validate(commitmentSchema, commitment, sipriLocate(line, "committed"));
  if (!checked.ok) return { row: line, problems: checked.problems };
  const out: { commitments: CommitmentRecord[]; events: StageEvent[] } = {
    commitments: [checked.value],
    events: [],
  };
  for (const event of events) {
    const stage = (event as { stage: "committed" | "delivered" }).stage;
    const result = validate(eventSchema, event, sipriLocate(line, stage));
    if (!result.ok) return { row: line, problems: result.problems };
    out.events.push(result.value);
  }
  return {
    row: line,
    records: { commitments: out.commitments, tranches: [], events: out.events },
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** The SIPRI column a record field comes from, for problems the core schemas find. */
function sipriLocate(row: number, stage: "committed" | "delivered"): Locate {
  return (path) => {
    const [field, sub] = path;
    const delivered = stage === "delivered";
    const column =
      field === "donor"
        ? "Supplier"
        : field === "recipient"
          ? "Recipient"
          : field === "date" || field === "period"
            ? delivered
              ? "Year(s) of delivery"
              : "Year of order"
            : field === "measure" && sub === "count"
              ? delivered
                ? "Number delivered"
                : "Number ordered"
              : field === "sources" || field === "note"
                ? "Comments"
                : "Weapon designation";
    return { row, column };
  };
}
