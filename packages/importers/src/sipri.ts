import type {
  CategoryId,
  CommitmentRecord,
  Confidence,
  PartialDate,
  PartyId,
  StageEvent,
} from "@commitments/core";
import { isBlank, readCsv } from "./csv.ts";
import {
  knownNamesLongestFirst,
  normaliseName,
  partyByName,
  partyByNameOrAdjective,
  partyName,
} from "./parties.ts";
import { commitmentSchema, eventSchema, type Locate, shortHash, validate } from "./records.ts";
import { decodeText, encodingProblem, excerpt, type TextEncoding } from "./text.ts";
import {
  type ByteSource,
  type CommonImportOptions,
  defaultMaxCellLength,
  type ImportItem,
  type ImportProblem,
} from "./types.ts";

export const sipriImporterVersion = "sipri-trade-register/1";

export const sipriPublisher = "Stockholm International Peace Research Institute (SIPRI)";
export const sipriDatabaseUrl = "https://www.sipri.org/databases/armstransfers";

export interface SipriOptions extends CommonImportOptions {
  /** SIPRI writes its CSV exports in Latin-1. Default "latin1". */
  encoding?: TextEncoding;
  /** Only rows for this recipient are imported (default UA); null imports every recipient. */
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
  /** The tracker category for a weapon; consulted before the built-in rules (`sipriCategoryRules`). */
  categoryFor?: (description: string, designation: string) => CategoryId | undefined;
}

/**
 * SIPRI's weapon descriptions mapped to the tracker's categories, first match wins. Anything not matched is a
 * problem naming the description, to be mapped with `categoryFor`, not guessed. Judgement calls: air-to-air
 * missiles count as interceptors (what they do, and in Ukraine they are fired from ground-based air defence as
 * well as aircraft); anti-radar missiles, guided bombs and anti-tank missiles, which the taxonomy has no specific
 * category for, count as ammunition; components SIPRI lists as transfers of their own (engines) count as
 * defence-industrial supply, never as the vehicles or aircraft they go into.
 */
export const sipriCategoryRules: readonly { pattern: RegExp; category: CategoryId }[] = [
  {
    pattern: /\b(SAM system|air defence system|AD system|air search radar|fire control radar)\b/i,
    category: "air_defence.systems",
  },
  { pattern: /\b(SAM|ABM missile|air-to-air missile|AAM)\b/i, category: "air_defence.interceptors" },
  { pattern: /\b(loitering munition|UAV|UCAV|drone)\b/i, category: "drones" },
  {
    pattern: /\b(infantry fighting vehicle|IFV)\b/i,
    category: "armoured_vehicles.infantry_fighting_vehicles",
  },
  { pattern: /\b(APC|armoured personnel carrier)\b/i, category: "armoured_vehicles.personnel_carriers" },
  { pattern: /^(?!.*anti-tank).*\btank\b(?! destroyer)/i, category: "armoured_vehicles.tanks" },
  {
    pattern:
      /\b(armoured (recovery |engineering |bridge-layer )?vehicle|ARV|AEV|armoured car|scout car|tank destroyer|bridge-layer)\b/i,
    category: "armoured_vehicles",
  },
  { pattern: /\b(guided rocket)\b/i, category: "ammunition.rockets" },
  { pattern: /\b(SSM|BRBM|SRBM|cruise missile|land-attack missile)\b/i, category: "long_range_fires" },
  {
    pattern:
      /\b(self-propelled (gun|howitzer|MRL|mortar)|towed (gun|MRL)|howitzer|mortar|MRL|artillery locating radar)\b/i,
    category: "artillery",
  },
  { pattern: /\b(helicopter|aircraft|FGA|fighter|trainer|AEW)\b/i, category: "aircraft" },
  {
    pattern: /\b(anti-ship missile|ship|patrol craft|patrol boat|minehunter|MCM|corvette|frigate)\b/i,
    category: "maritime",
  },
  {
    pattern: /\b(anti-radar missile|guided (glide )?bomb|ASM|anti-tank missile|ATGM)\b/i,
    category: "ammunition",
  },
  { pattern: /\b(engine|turbofan|turbojet|turboshaft|gas turbine)\b/i, category: "defence_industrial" },
];

function categoryOf(description: string, designation: string, options: SipriOptions): CategoryId | undefined {
  return (
    options.categoryFor?.(description, designation) ??
    sipriCategoryRules.find((rule) => rule.pattern.test(description))?.category
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Financing in the comments

export interface SipriFinancing {
  /** The parties named as paying, in order. */
  parties: PartyId[];
  /** "partly financed", "some financed": the named parties paid for only part of the order. */
  partial: boolean;
  /** The words of the comment from "financed" on. */
  text: string;
}

let names: string[] | undefined;

/**
 * Who paid, from SIPRI's comments: "financed by Denmark", "Financed by FRG", "financed by German aid",
 * "financed by EUR165 m aid from Denmark and Netherlands", "financed by Denmark; Germany and Norway" (SIPRI
 * writes semicolons for the commas of its source text). Null when the comments say nothing about financing.
 */
export function sipriFinancing(comments: string): SipriFinancing | null {
  const match = /(\b(?:partly|partially|part|some)\s+)?\bfinanced\s+(?:by|with)\s+(.*)$/i.exec(comments);
  if (!match) return null;
  names ??= knownNamesLongestFirst();
  const partial = match[1] !== undefined;
  let rest = normaliseName(match[2] ?? "");
  // What may stand before the first name: an amount ("EUR165 m"), then "aid from".
  rest = rest.replace(
    /^(?:(?:eur|usd|\$)\s*[\d.]+\s*(?:m|b|bn|million|billion)?\s+)?(?:aid\s+)?(?:from\s+)?/,
    "",
  );
  const parties: PartyId[] = [];
  while (true) {
    const name = names.find((n) => rest.startsWith(n) && !/^[a-z0-9]/.test(rest.slice(n.length)));
    const party = name === undefined ? undefined : partyByNameOrAdjective(name);
    if (name === undefined || party === undefined) break;
    if (!parties.includes(party)) parties.push(party);
    rest = rest.slice(name.length).replace(/^\s+aid\b/, "");
    const separator = /^\s*(?:;|,|and\b|&)\s*/.exec(rest);
    if (!separator) break;
    rest = rest.slice(separator[0].length);
  }
  // The financing phrase for notes, up to a closing bracket: "(partly financed by EU)".
  const text = comments.slice(match.index).split(")")[0]?.trim() ?? "";
  return { parties, partial, text };
}

// ---------------------------------------------------------------------------------------------------------------
// The file

const required = [
  "Recipient",
  "Supplier",
  "Year of order",
  "Number ordered",
  "Weapon designation",
  "Weapon description",
  "Number delivered",
  "Year(s) of delivery",
  "Comments",
] as const;

const months: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

/** "Data generated: 13 Mar 2025 10:02:49 AM" → "2025-03-13". */
function generatedDate(line: string): PartialDate | undefined {
  const match = /Data generated:\s*(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(line);
  const month = match ? months[(match[2] ?? "").toLowerCase()] : undefined;
  return match && month ? `${match[3]}-${month}-${(match[1] ?? "").padStart(2, "0")}` : undefined;
}

/** The header's columns by name. SIPRI's uncertainty-flag columns have a blank name: each is named after the
 * column before it, "Number ordered (uncertain)". */
function headerColumns(cells: readonly string[]): string[] {
  const columns: string[] = [];
  for (const cell of cells) {
    const name = cell.trim();
    const previous = columns.at(-1);
    columns.push(
      name === "" && previous !== undefined ? `${previous.replace(/ \(uncertain\)$/, "")} (uncertain)` : name,
    );
  }
  return columns;
}

const maxPreambleLines = 200;

/**
 * Reads a SIPRI Arms Transfers Database trade register CSV export. The preamble before the header is skipped
 * (its "Data generated" date is kept as the source's date). Each deal becomes a commitment measured in items of the
 * weapon designation, with a committed event in its year of order and, if anything was delivered, one delivered
 * event: SIPRI gives the number delivered over all the delivery years, not per year, so the event is dated to the
 * last delivery year with the span as its period and the years in its note; no yearly split is invented.
 */
export async function* parseSipriTradeRegister(
  input: ByteSource,
  options: SipriOptions = {},
): AsyncGenerator<ImportItem> {
  const encoding = options.encoding ?? "latin1";
  const recipientFilter = options.recipient === undefined ? "UA" : options.recipient;
  let columns: string[] | undefined;
  let published = options.published;
  let yearRange: string | undefined;
  let preamble = 0;
  const seen = new Map<string, number>();
  for await (const record of readCsv(decodeText(input, encoding), {
    maxCellLength: options.maxCellLength ?? defaultMaxCellLength,
  })) {
    if (!columns) {
      const first = record.cells[0]?.trim() ?? "";
      if (
        first.toLowerCase() === "recipient" &&
        record.cells.some((c) => c.trim().toLowerCase() === "supplier")
      ) {
        columns = headerColumns(record.cells);
        const missing = required.filter((name) => !columns?.includes(name));
        if (missing.length > 0) {
          yield {
            row: record.line,
            problems: missing.map((name) => ({
              row: record.line,
              column: name,
              message: "the header has no such column",
            })),
          };
          return;
        }
        continue;
      }
      const line = record.cells.join(",");
      published ??= generatedDate(line);
      const range = /year range '([^']*)' to '([^']*)'/.exec(line);
      if (range && !(range[1] === "Not specified" && range[2] === "Not specified"))
        yearRange = `${range[1]}–${range[2]}`;
      if (++preamble > maxPreambleLines) {
        yield {
          row: record.line,
          problems: [
            {
              row: record.line,
              message: `no SIPRI trade register header ("Recipient,Supplier,…") in the first ${maxPreambleLines} lines`,
            },
          ],
        };
        return;
      }
      continue;
    }
    if (isBlank(record) && record.problems.length === 0) continue;
    const item = sipriRow(record.line, record.cells, record.problems, columns, {
      options,
      encoding,
      recipientFilter,
      published,
      yearRange,
      seen,
    });
    if (item) yield item;
  }
  if (!columns)
    yield { row: 0, problems: [{ row: 0, message: "no SIPRI trade register header row in the file" }] };
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

function sipriRow(
  line: number,
  rawCells: readonly string[],
  csvProblems: readonly { cell: number; message: string }[],
  columns: readonly string[],
  context: RowContext,
): ImportItem | null {
  const { options } = context;
  const problems: ImportProblem[] = csvProblems.map((p) => ({
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
  const problem = (column: string, message: string) => {
    const value = cell(column);
    problems.push({ row: line, column, ...(value === "" ? {} : { value: excerpt(value) }), message });
  };
  columns.forEach((column, i) => {
    const value = rawCells[i] ?? "";
    const wrong = encodingProblem(line, column, value, context.encoding);
    if (wrong) problems.push(wrong);
    if (/^[=+@\t\r]/.test(value))
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

  const recipientName = cell("Recipient");
  const recipient = partyByName(recipientName);
  if (recipient === undefined) problem("Recipient", "not a state or organisation the tracker knows");
  else if (context.recipientFilter !== null && recipient !== context.recipientFilter) {
    return problems.length > 0 ? { row: line, problems } : null;
  }
  const supplierName = cell("Supplier");
  const supplierUnknown = /^unknown\b/i.test(supplierName);
  const supplier = supplierUnknown ? undefined : partyByName(supplierName);
  const comments = cell("Comments");
  const financing = sipriFinancing(comments);
  const privately = /\bprivate(ly)?\b|\bcrowd-?fund/i.test(financing?.text ?? "");
  // Who the figure is recorded under. A group (core's donorGroups) where SIPRI names no single donor: never a
  // guessed split, and the financiers stay named in the title and the note.
  let donor: PartyId | undefined = supplierUnknown ? "UNKNOWN" : supplier;
  const warnings: ImportProblem[] = [];
  const warn = (column: string, value: string, message: string) =>
    warnings.push({ row: line, column, value: excerpt(value), message });
  if (financing && financing.parties.length === 0 && privately) {
    donor = "PRIVATE";
    warn("Comments", financing.text, "financed by private donors: recorded under the group Private donors");
  } else if (financing && financing.parties.length === 0) {
    problem(
      "Comments",
      "the order was financed by someone the tracker has no party for: a donor cannot be named without guessing",
    );
  } else if (financing?.partial) {
    warn(
      "Comments",
      financing.text,
      "partly financed by another party: the supplier is recorded as the donor, the financing in the notes",
    );
  } else if (financing && financing.parties.length > 1) {
    donor = "JOINT";
    warn(
      "Comments",
      financing.text,
      `financed by ${financing.parties.join(", ")} and SIPRI gives no split: recorded under the group Several donors jointly`,
    );
  } else if (financing) donor = financing.parties[0];
  else if (supplierUnknown) {
    warn(
      "Supplier",
      supplierName,
      "SIPRI names no supplier and no financing: recorded under the group Donor not identified",
    );
  }
  if (donor === undefined) problem("Supplier", "not a state or organisation the tracker knows");

  const year = cell("Year of order");
  if (!/^\d{4}$/.test(year)) problem("Year of order", "expected a year");
  const yearUncertain = flagged("Year of order");
  const ordered = count("Number ordered");
  const orderedUncertain = flagged("Number ordered");
  const delivered = count("Number delivered");
  const deliveredUncertain = flagged("Number delivered");
  const yearsText = cell("Year(s) of delivery");
  const years = yearsText === "" ? [] : yearsText.split(/\s*;\s*/);
  if (years.some((y) => !/^\d{4}$/.test(y)))
    problem("Year(s) of delivery", 'expected years separated by "; "');
  if ((delivered ?? 0) > 0 && years.length === 0) problem("Year(s) of delivery", "deliveries without a year");
  if (ordered === null && (delivered ?? 0) === 0) {
    problem(
      "Number ordered",
      "neither a number ordered nor a number delivered: there is no figure to record",
    );
  }
  const designation = cell("Weapon designation");
  const description = cell("Weapon description");
  const category = categoryOf(description, designation, options);
  if (category === undefined) {
    problem("Weapon description", "no tracker category for this weapon description; map it with categoryFor");
  }
  if (problems.length > 0) return { row: line, problems };

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
  const financed =
    donor === "JOINT" && financing
      ? `, financed jointly by ${financing.parties.map(partyName).join(", ")}`
      : donor === "PRIVATE"
        ? ", financed by private donors"
        : financing && donor !== supplier && donor !== undefined
          ? `, financed by ${partyName(donor)}`
          : "";
  const commitment = {
    id,
    donor,
    recipient,
    title: `${designation} (${description}) from ${supplierName}${financed}, ordered ${year}`.slice(0, 500),
    category,
    measure: quantity(ordered ?? delivered ?? 0),
    sources: [source],
  };
  const committedNote = [
    `Supplier: ${supplierName}.`,
    ...(financing ? [`SIPRI: "${financing.text}".`] : []),
    ...(status === "" ? [] : [`Status: ${status}.`]),
    ...(ordered === null
      ? [
          "SIPRI gives no number ordered (not yet available): the count is the number delivered so far, a floor, not the order.",
        ]
      : []),
    ...(tivs.length > 0 ? [`${tivNote}: ${tivs.join(", ")}.`] : []),
  ].join(" ");
  const events: unknown[] = [
    {
      id: `${id}-committed`,
      commitment: id,
      stage: "committed",
      date: year,
      measure: quantity(ordered ?? delivered ?? 0),
      confidence:
        ordered === null ? "undisclosed" : yearUncertain || orderedUncertain ? "estimated" : confidence,
      sources: [source],
      note: committedNote.slice(0, 2000),
    },
  ];
  if (delivered !== null && delivered > 0) {
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
  const out: { commitments: CommitmentRecord[]; events: StageEvent[] } = { commitments: [], events: [] };
  if (!checked.ok) return { row: line, problems: checked.problems };
  out.commitments.push(checked.value);
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
