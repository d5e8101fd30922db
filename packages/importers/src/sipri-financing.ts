import type { PartyId } from "@commitments/core";
import { knownNamesLongestFirst, normaliseName, partyByNameOrAdjective, partyName } from "./parties.ts";

/** Who paid for a deal, as SIPRI's comments say. */
export interface SipriFinancing {
  /** The parties named as paying, in order. */
  parties: PartyId[];
  /**
   * The named parties paid for only part of the order: "partly financed", "some financed", "incl 190 financed",
   * "85% financed".
   */
  partial: boolean;
  /** Others paid too whom SIPRI does not name: "financed by aid from other states (incl Denmark; …)". */
  others: boolean;
  /** SIPRI is not sure: "probably financed by USA". */
  probable: boolean;
  /** The words of the comment from the financing phrase on, up to a closing bracket. */
  text: string;
}

let names: string[] | undefined;

/**
 * Who paid, from SIPRI's comments: "financed by Denmark", "Financed by FRG", "financed by German aid", "financed
 * by EUR165 m aid from Denmark and Netherlands", "financed by Denmark; Germany and Norway" (SIPRI writes semicolons
 * for the commas of its source text), "funded by private aid". Null when the comments say nothing about financing;
 * "originally to be funded by …" says who was meant to pay, not who did, and is not financing.
 */
export function sipriFinancing(comments: string): SipriFinancing | null {
  const match =
    /(\b(?:probably|possibly)\s+)?(\b(?:partly|partially|part|some|incl(?:uding)?(?:\s+(?:\d+|some))?|\d+\s*%)\s+)?(?<!to be )\b(?:financed|funded)\s+(?:by|with)\s+(.*)$/i.exec(
      comments,
    );
  if (!match) return null;
  names ??= knownNamesLongestFirst();
  let rest = normaliseName(match[3] ?? "");
  // What may stand before the first name: an amount ("EUR165 m"), then "aid from", then "other states (incl".
  rest = rest.replace(
    /^(?:(?:eur|usd|\$)\s*[\d.]+\s*(?:m|b|bn|million|billion)?\s+)?(?:aid\s+)?(?:from\s+)?/,
    "",
  );
  const others = /^other states\s*\(incl(?:uding)?\s+/.exec(rest);
  if (others) rest = rest.slice(others[0].length);
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
  const text = comments.slice(match.index).split(")")[0]?.trim() ?? "";
  return {
    parties,
    partial: match[2] !== undefined,
    others: others !== null,
    probable: match[1] !== undefined,
    text: others ? `${text})` : text,
  };
}

/** A word about whom a figure is recorded under: the column, the cell's words, and why. */
export interface DonorNote {
  column: "Comments" | "Supplier";
  value: string;
  message: string;
}

/**
 * Whom a deal's figures are recorded under, and how to say so. The financier where SIPRI names one; a group
 * (core's donorGroups) where it names several with no split, private donors or no one: never a guessed split, and
 * the financiers stay named in the title and the note. A problem where the donor cannot be named without guessing.
 */
export function sipriDonor(
  supplierName: string,
  supplier: PartyId | undefined,
  comments: string,
): {
  donor: PartyId | undefined;
  financing: SipriFinancing | null;
  /** What the title says of the financing: ", financed jointly by Denmark, Netherlands". */
  financed: string;
  warnings: DonorNote[];
  problem?: DonorNote;
} {
  const financing = sipriFinancing(comments);
  const supplierUnknown = /^unknown\b/i.test(supplierName);
  const warnings: DonorNote[] = [];
  const warn = (value: string, message: string) => warnings.push({ column: "Comments", value, message });
  let donor: PartyId | undefined = supplierUnknown ? "UNKNOWN" : supplier;
  let financed = "";
  if (financing?.partial) {
    warn(
      financing.text,
      "partly financed by another party: the supplier is recorded as the donor, the financing in the notes",
    );
  } else if (financing && /\bprivate(ly)?\b|\bcrowd-?fund/i.test(financing.text)) {
    // "financed with UK private donations": the nationality is the donors', not a government's.
    donor = "PRIVATE";
    financed = ", financed by private donors";
    warn(financing.text, "financed by private donors: recorded under the group Private donors");
  } else if (financing && financing.parties.length === 0) {
    const message =
      "the order was financed by someone the tracker has no party for: a donor cannot be named without guessing";
    return {
      donor: undefined,
      financing,
      financed,
      warnings,
      problem: { column: "Comments", value: financing.text, message },
    };
  } else if (financing && (financing.parties.length > 1 || financing.others)) {
    donor = "JOINT";
    const named = financing.parties.map(partyName).join(", ");
    financed = `, financed jointly by ${named}${financing.others ? " and other states" : ""}`;
    warn(
      financing.text,
      `financed by ${financing.parties.join(", ")}${financing.others ? " and others SIPRI does not name" : ""} and SIPRI gives no split: recorded under the group Several donors jointly`,
    );
  } else if (financing) {
    donor = financing.parties[0];
    if (donor !== supplier) financed = `, financed by ${partyName(donor as PartyId)}`;
    if (financing.probable)
      warn(financing.text, "SIPRI says probably: recorded under the financier SIPRI names");
  } else if (/\bdonated by (?:the )?producer\b/i.test(comments)) {
    donor = "PRIVATE";
    financed = ", donated by the producer";
    warn(comments, "donated by the producer, a company: recorded under the group Private donors");
  } else if (supplierUnknown) {
    warnings.push({
      column: "Supplier",
      value: supplierName,
      message: "SIPRI names no supplier and no financing: recorded under the group Donor not identified",
    });
  }
  if (donor === undefined) {
    const message = "not a state or organisation the tracker knows";
    return {
      donor,
      financing,
      financed,
      warnings,
      problem: { column: "Supplier", value: supplierName, message },
    };
  }
  return { donor, financing, financed, warnings };
}
