import { compare, divide, IsoDate, multiply, normalize, type PartyId } from "@commitments/core";
import { kid, kids, narrative, type XmlElement } from "./iati-xml.ts";
import { decimalFromText } from "./records.ts";
import { excerpt } from "./text.ts";
import type { ImportProblem } from "./types.ts";

/*
 * The figures of one activity for one recipient country: which of its budgets, planned disbursements and
 * transactions are for the recipient, at what share, in which currency, on which day, and whose.
 */

export type FigureStage = "pledged" | "committed" | "delivered";

export interface Figure {
  kind: "budget" | "planned" | "transaction";
  element: XmlElement;
  /** Absent for planned disbursements, which become tranches. */
  stage?: FigureStage;
  donor: PartyId;
  currency: string;
  /** The recipient's share of the value, exact; negative for a reversal or a decommitment. */
  amount: string;
  date: string;
  period?: { start: string; end: string };
  note: string;
  revised: boolean;
}

/**
 * The transaction types the tracker records, in 2.0x numbers and 1.0x letters. Left out: incoming funds and
 * commitments (1, 11, 13, IF; the same money as the provider's outgoing flows, which would count it twice),
 * expenditure (4, E: the implementer's outlay of money already disbursed to it), interest and loan repayments
 * (5, 6, IR, LR: money flowing back), equity (8, 9, QP, QS) and credit guarantees (10, CG), which are not aid given.
 */
const transactionTypes: Readonly<Record<string, { stage: FigureStage; words: string }>> = {
  "2": { stage: "committed", words: "outgoing commitment" },
  C: { stage: "committed", words: "commitment" },
  "3": { stage: "delivered", words: "disbursement" },
  D: { stage: "delivered", words: "disbursement" },
  // "A type of disbursement that covers funds that have already been spent by the recipient."
  "7": { stage: "delivered", words: "reimbursement" },
  R: { stage: "delivered", words: "reimbursement" },
  // 2.03: "Indicative, non-binding advice of an intended outgoing commitment."
  "12": { stage: "pledged", words: "outgoing pledge" },
};

const code = (element: XmlElement) => element.attributes.code?.trim().toUpperCase() ?? "";

/**
 * Why an activity is outside the import, in words the import report counts it under, or null when it is for the
 * recipient. IATI names recipient countries on the activity or, in 2.0x, on each transaction instead; an activity
 * with neither is regional (recipient-region) or global.
 */
export function outsideReason(activity: XmlElement, recipient: PartyId): string | null {
  const countries = [
    ...kids(activity, "recipient-country"),
    ...kids(activity, "transaction").flatMap((t) => kids(t, "recipient-country")),
  ];
  if (countries.length === 0) return "no recipient country";
  return countries.some((c) => code(c) === recipient) ? null : "another recipient country";
}

export interface FigureReading {
  figures: Figure[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

/**
 * The activity's figures for `recipient`. The donor of a transaction or planned disbursement is its provider-org
 * where the file names one (IATI: "the organisation from which the transaction originated"); budgets, and figures
 * without a provider, are the reporting organisation's own (`donorOf` with no element). `donorOf` records its own
 * problems and returns null.
 */
export function readFigures(
  activity: XmlElement,
  recipient: PartyId,
  donorOf: (provider: XmlElement | undefined) => PartyId | null,
): FigureReading {
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const problem = (element: XmlElement, column: string, message: string, value?: string) =>
    problems.push({ row: element.line, column, ...(value ? { value: excerpt(value) } : {}), message });
  const countries = kids(activity, "recipient-country");
  const regions = kids(activity, "recipient-region");
  const defaultCurrency = activity.attributes["default-currency"]?.trim();
  const perTransaction = kids(activity, "transaction").some((t) => kids(t, "recipient-country").length > 0);
  let leftOut = 0;

  // The recipient's share of a figure in percent, or null when the figure is not for it.
  const shareOf = (element: XmlElement): string | null => {
    const own = kids(element, "recipient-country");
    // A transaction's own country wins over the activity's (2.0x); IATI allows one a transaction.
    if (own.length > 0) {
      if (!own.some((c) => code(c) === recipient)) return null;
      if (own.length === 1) return "100";
      problem(
        element,
        "recipient-country",
        `several recipient countries: the share for ${recipient} is unknown`,
      );
      return null;
    }
    const entry = countries.find((c) => code(c) === recipient);
    if (!entry) {
      // Countries given per transaction: a budget or planned disbursement is for all of them, in unknown shares.
      if (perTransaction && element.name !== "transaction") leftOut++;
      return null;
    }
    const percentage = entry.attributes.percentage?.trim() ?? "";
    if (percentage === "") {
      if (countries.length === 1 && regions.length === 0) return "100";
      problem(
        entry,
        "recipient-country/@percentage",
        "several recipient countries or regions and no percentage for this one",
      );
      return null;
    }
    const share = decimalFromText(percentage);
    if (share === null || compare(share, "0") < 0 || compare(share, "100") > 0) {
      problem(entry, "recipient-country/@percentage", "expected a percentage from 0 to 100", percentage);
      return null;
    }
    return normalize(share);
  };

  const isoDay = (value: string | undefined) =>
    value && IsoDate.safeParse(value.slice(0, 10)).success ? value.slice(0, 10) : undefined;

  const read = (element: XmlElement, kind: Figure["kind"], stage: FigureStage | undefined, note: string) => {
    const share = shareOf(element);
    if (share === null) return;
    const value = kid(element, "value");
    const column = `${element.name}/value`;
    if (!value) return problem(element, column, "no value");
    const raw = value.text.trim();
    const amount = decimalFromText(raw);
    if (amount === null) return problem(value, column, "expected a number", raw);
    const negative = amount.startsWith("-");
    // IATI: a transaction's value is "negative for repayments or reduced/cancelled commitments"; a plan is not.
    if (negative && kind !== "transaction") {
      return problem(value, column, `a negative ${element.name}: a plan is never a correction`, raw);
    }
    const currency = value.attributes.currency?.trim() || defaultCurrency;
    if (!currency)
      return problem(value, `${column}/@currency`, "no currency, and the activity has no default-currency");
    let shared = amount;
    if (share !== "100") {
      shared = divide(multiply(amount, share), "100", 10);
      if (compare(multiply(shared, "100"), multiply(amount, share)) !== 0) {
        return problem(value, column, `the ${share}% share is not exact to 10 decimals`, raw);
      }
    }
    const start = isoDay(kid(element, "period-start")?.attributes["iso-date"]);
    const end = isoDay(kid(element, "period-end")?.attributes["iso-date"]);
    const date =
      kind === "transaction"
        ? (isoDay(kid(element, "transaction-date")?.attributes["iso-date"]) ??
          isoDay(value.attributes["value-date"]))
        : kind === "planned"
          ? (end ?? start)
          : start;
    if (date === undefined) {
      const missing = kind === "transaction" ? "transaction-date/@iso-date" : "period-start/@iso-date";
      return problem(element, missing, "no date");
    }
    if (kind === "budget" && end === undefined) {
      return problem(element, "period-end/@iso-date", "a budget without a period end");
    }
    // Budgets have no provider: they are the reporting organisation's.
    const donor = donorOf(kind === "budget" ? undefined : kid(element, "provider-org"));
    if (donor === null) return;
    const reversal = !negative
      ? ""
      : stage === "committed"
        ? " A negative value: a reduced or cancelled commitment, as the publisher reports it."
        : " A negative value: a reversal, as the publisher reports it.";
    const shareNote =
      share === "100"
        ? ""
        : ` ${share}% of the figure (${raw} ${currency}), the recipient-country share for ${recipient}.`;
    figures.push({
      kind,
      element,
      ...(stage ? { stage } : {}),
      donor,
      currency,
      amount: shared,
      date,
      ...(start && end ? { period: { start, end } } : {}),
      note: `${note}${reversal}${shareNote}`,
      revised: element.attributes.type === "2",
    });
  };

  const figures: Figure[] = [];
  for (const budget of kids(activity, "budget")) {
    const status = budget.attributes.status === "2" ? "committed" : "indicative";
    const type = budget.attributes.type === "2" ? "revised" : "original";
    read(
      budget,
      "budget",
      "pledged",
      `IATI budget (${type}, ${status}) for its period: a published plan, not a binding commitment.`,
    );
  }
  for (const planned of kids(activity, "planned-disbursement")) {
    const type = planned.attributes.type === "2" ? "revised" : "original";
    read(planned, "planned", undefined, `IATI planned disbursement (${type}).`);
  }
  for (const transaction of kids(activity, "transaction")) {
    const typeCode = kid(transaction, "transaction-type")?.attributes.code?.trim().toUpperCase() ?? "";
    const type = transactionTypes[typeCode];
    if (!type) continue;
    const from = narrative(kid(transaction, "provider-org"));
    const to = narrative(kid(transaction, "receiver-org"));
    const description = narrative(kid(transaction, "description"));
    read(
      transaction,
      "transaction",
      type.stage,
      [
        `IATI transaction type ${typeCode} (${type.words})${from ? ` from ${from}` : ""}${to ? ` to ${to}` : ""}.`,
        ...(description ? [description] : []),
      ].join(" "),
    );
  }
  if (leftOut > 0) {
    warnings.push({
      row: activity.line,
      column: "recipient-country",
      message: `${leftOut} budget(s) or planned disbursement(s) left out: the activity names its recipient countries per transaction, so their share for ${recipient} is unknown`,
    });
  }
  return { figures, problems, warnings };
}
