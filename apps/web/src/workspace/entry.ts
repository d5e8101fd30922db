import { completeUrl, readAmount, readPartialDate } from "@commitments/core";
import type { Lang } from "../format.ts";

/** Why a field's text could not be read: the message names the form expected, in the page's language. */
export type EntryProblem = "amount" | "date" | "currencyClash";

/**
 * Forgiving entry, strict storage: the forms read what a clerk types in the page's language's own forms
 * ("1,500,000,000", "1 250 000,50", "£500", "31/03/2027", "www.gov.uk/…") with core's readers, and send the
 * canonical values. A text that does not read is sent as typed, so nothing is guessed, and its problem is kept by
 * the field's path; the form shows it instead of the schema's.
 */
export class EntryReader {
  readonly problems: Record<string, EntryProblem> = {};
  constructor(readonly lang: Lang) {}

  /** An amount, and the currency a symbol or code typed beside it names (which must agree with the chosen one). */
  amount(path: string, text: string, currency: string): { amount: string; currency: string } {
    const chosen = currency.trim().toUpperCase();
    if (text.trim() === "") return { amount: "", currency: chosen };
    const read = readAmount(text, this.lang);
    if (!read.ok) {
      this.problems[path] = "amount";
      return { amount: text.trim(), currency: chosen };
    }
    const typed = read.value.currency;
    if (typed && chosen !== "" && typed !== chosen) this.problems[path] = "currencyClash";
    return { amount: read.value.amount, currency: typed ?? chosen };
  }

  /** A count of items: a whole number, grouped as the language groups it. */
  count(path: string, text: string): string {
    if (text.trim() === "") return "";
    const read = readAmount(text, this.lang);
    if (!read.ok || read.value.currency || !/^\d+$/.test(read.value.amount)) {
      this.problems[path] = "amount";
      return text.trim();
    }
    return read.value.amount;
  }

  /** A date to the precision written; undefined when left empty. */
  date(path: string, text: string): string | undefined {
    const trimmed = text.trim();
    if (trimmed === "") return undefined;
    const read = readPartialDate(trimmed);
    if (read.ok) return read.value;
    this.problems[path] = "date";
    return trimmed;
  }

  /** A web address, completed with https:// when typed without its scheme. */
  url(text: string): string | undefined {
    const trimmed = text.trim();
    return trimmed === "" ? undefined : completeUrl(trimmed);
  }
}
