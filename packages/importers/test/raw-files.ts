/*
 * The publishers' whole files read for tests, independently of the importers: a few lines of plain parsing and
 * exact sums by hand-written mappings, so a test can compare what the tracker holds with what the file says.
 */
import { multiply, stateByAlpha3, sum } from "@commitments/core";

/** RFC 4180 cells of a CSV text, line by line (quoted cells may hold commas, quotes and line breaks). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted || (ch !== "," && ch !== "\n")) cell += ch;
    else {
      row.push(ch === "\n" ? cell.replace(/\r$/, "") : cell);
      cell = "";
      if (ch === "\n") {
        rows.push(row);
        row = [];
      }
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A CSV text as records keyed by its header's names. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = csvRows(text).filter((r) => r.some((c) => c.trim() !== ""));
  return rows.map((r) => Object.fromEntries(header.map((name, i) => [name.trim(), (r[i] ?? "").trim()])));
}

/** Kiel's ISO alpha-3 (and "EU") as the tracker's party id. */
export function kielParty(iso: string): string {
  if (iso === "EU") return "EU";
  const party = stateByAlpha3(iso);
  if (!party) throw new Error(`no state for ${iso}`);
  return party.id;
}

export interface KielDonorSums {
  /** Euros: the `commitments` column, and the three allocation columns, each summed over the donor's months. */
  committed: string;
  allocated: { financial: string; humanitarian: string; military: string };
}

/** Kiel's data_explorer summed per donor, in euros (the file gives billions), exactly. */
export function kielDataExplorerSums(text: string): Map<string, KielDonorSums> {
  const parts = new Map<string, Record<string, string[]>>();
  for (const row of csvRecords(text)) {
    const donor = kielParty(row.iso ?? "");
    const entry = parts.get(donor) ?? { commitments: [], financial: [], humanitarian: [], military: [] };
    for (const column of Object.keys(entry)) {
      const value = row[column];
      if (value !== undefined && value !== "" && value !== "NA") entry[column]?.push(value);
    }
    parts.set(donor, entry);
  }
  const euros = (values: string[] = []) => multiply(sum(values), "1000000000");
  return new Map(
    [...parts].map(([donor, p]) => [
      donor,
      {
        committed: euros(p.commitments),
        allocated: {
          financial: euros(p.financial),
          humanitarian: euros(p.humanitarian),
          military: euros(p.military),
        },
      },
    ]),
  );
}

export interface SipriDeal {
  line: number;
  recipient: string;
  supplier: string;
  ordered: number | null;
  delivered: number;
  designation: string;
  description: string;
  comments: string;
}

/**
 * The register read with a few lines of plain parsing: Latin-1, the header found by its first words, no quoted
 * cells (SIPRI writes semicolons for commas), and a line with too few cells continued by the next (SIPRI writes a
 * line break inside a comment as it is).
 */
export function rawSipriDeals(text: string): SipriDeal[] {
  if (text.includes('"')) throw new Error("the register was exported with quoted cells: read it otherwise");
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  const header = lines.findIndex((line) => line.startsWith("Recipient,Supplier,"));
  const width = (lines[header] as string).split(",").length;
  const deals: SipriDeal[] = [];
  const misshapen: number[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const line = i + 1;
    let cells = (lines[i] as string).split(",");
    if (cells.length === 1 && cells[0] === "") continue;
    while (cells.length < width && i + 1 < lines.length) {
      const [head = "", ...tail] = (lines[++i] as string).split(",");
      cells = [...cells.slice(0, -1), `${cells.at(-1)} ${head}`, ...tail];
    }
    if (cells.length !== width) misshapen.push(line);
    const [
      recipient = "",
      supplier = "",
      ,
      ,
      ordered = "",
      ,
      designation = "",
      description = "",
      delivered = "",
    ] = cells;
    deals.push({
      line,
      recipient,
      supplier,
      ordered: ordered === "" ? null : Number(ordered),
      delivered: delivered === "" ? 0 : Number(delivered),
      designation: designation.trim(),
      description,
      comments: (cells[12] ?? "").trim(),
    });
  }
  if (misshapen.length > 0)
    throw new Error(`lines of another shape than the header: ${misshapen.join(", ")}`);
  return deals;
}

/** Every supplier of Ukraine's deals in the register, mapped by hand to the tracker's parties. */
export const sipriSuppliers: Record<string, string> = {
  "United States": "US",
  "United Kingdom": "GB",
  Germany: "DE",
  Poland: "PL",
  Czechia: "CZ",
  France: "FR",
  Netherlands: "NL",
  Norway: "NO",
  Sweden: "SE",
  Italy: "IT",
  Belgium: "BE",
  Canada: "CA",
  Spain: "ES",
  Slovakia: "SK",
  Estonia: "EE",
  Turkiye: "TR",
  Lithuania: "LT",
  Croatia: "HR",
  Latvia: "LV",
  Australia: "AU",
  Slovenia: "SI",
  Denmark: "DK",
  Portugal: "PT",
  Finland: "FI",
  Romania: "RO",
  UAE: "AE",
  "unknown supplier(s)": "UNKNOWN",
  "North Macedonia": "MK",
  Qatar: "QA",
  Jordan: "JO",
  Greece: "GR",
  Bulgaria: "BG",
  "South Korea": "KR",
  Morocco: "MA",
  "Bosnia-Herzegovina": "BA",
  Montenegro: "ME",
};

/**
 * Whom each of Ukraine's deals is recorded under, read by hand from the register's comments, first match wins:
 * the supplier where others paid for part only; private donors; several financiers with no split; the one
 * financier named.
 */
const financedBy: readonly [RegExp, string][] = [
  [/partly financed|incl (\d+ |some )?financed|\d+% financed/i, "supplier"],
  [/private|donated by producer/i, "PRIVATE"],
  [
    /other states \(incl|Denmark; Germany and Netherlands|Belgium; Luxemburg and Netherlands|Denmark and Netherlands|Denmark; Netherlands and Sweden|EU and USA|Netherlands and USA|Denmark; Germany and Norway/,
    "JOINT",
  ],
  [/financed by (aid from )?Denmark/i, "DK"],
  [/financed by EU/i, "EU"],
  [/financed by (aid from Germany|German aid|Germany|FRG)/i, "DE"],
  [/financed by UK aid/i, "GB"],
  [/financed by Canada/i, "CA"],
  [/financed by (USA|US financial aid)/i, "US"],
  [/financed by aid from Luxemburg/i, "LU"],
  [/financed by Belgian aid/i, "BE"],
  [/financed by Netherlands/i, "NL"],
];

export function sipriDonorOf(deal: SipriDeal): string {
  const supplier = sipriSuppliers[deal.supplier];
  if (supplier === undefined) throw new Error(`no hand mapping of the supplier ${deal.supplier}`);
  if (!/financ|fund|donated/i.test(deal.comments)) return supplier;
  const rule = financedBy.find(([pattern]) => pattern.test(deal.comments));
  if (!rule) throw new Error(`no hand reading of line ${deal.line}: ${deal.comments}`);
  return rule[1] === "supplier" ? supplier : rule[1];
}
