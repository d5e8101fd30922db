import { describe, expect, it } from "vitest";
import { toMeasure, toPeriod, toSources } from "./drafts.ts";
import { EntryReader } from "./entry.ts";

const money = (amount: string, currency = "GBP") => ({
  kind: "money" as const,
  amount,
  currency,
  count: "",
  unit: "items" as const,
  item: "",
});

describe("EntryReader", () => {
  it("reads amounts as each language writes them, and keeps them canonical", () => {
    const en = new EntryReader("en");
    expect(toMeasure(money("1,500,000,000"), en)).toEqual({
      kind: "money",
      amount: "1500000000",
      currency: "GBP",
    });
    expect(toMeasure(money("£500,000"), en)).toEqual({ kind: "money", amount: "500000", currency: "GBP" });
    const uk = new EntryReader("uk");
    expect(toMeasure(money("1 250 000,50", "EUR"), uk)).toEqual({
      kind: "money",
      amount: "1250000.50",
      currency: "EUR",
    });
    expect({ ...en.problems, ...uk.problems }).toEqual({});
  });

  it("keeps what does not read as typed, with the problem at its field", () => {
    const read = new EntryReader("en");
    expect(toMeasure(money("1,50,0"), read)).toEqual({ kind: "money", amount: "1,50,0", currency: "GBP" });
    expect(read.problems).toEqual({ "measure.amount": "amount" });
  });

  it("refuses an amount whose sign names another currency than the one chosen", () => {
    const read = new EntryReader("en");
    toMeasure(money("€500", "GBP"), read);
    expect(read.problems).toEqual({ "measure.amount": "currencyClash" });
  });

  it("reads counts as whole numbers only", () => {
    const read = new EntryReader("uk");
    const quantity = { ...money(""), kind: "quantity" as const, count: "1 200", item: " shells " };
    expect(toMeasure(quantity, read)).toEqual({
      kind: "quantity",
      count: "1200",
      unit: "items",
      item: "shells",
    });
    toMeasure({ ...quantity, count: "12,5" }, read);
    expect(read.problems).toEqual({ "measure.count": "amount" });
  });

  it("reads day-first and worded dates to the precision written", () => {
    const read = new EntryReader("en");
    expect(toPeriod({ start: "01/04/2025", end: "March 2027" }, read)).toEqual({
      start: "2025-04-01",
      end: "2027-03",
    });
    expect(toPeriod({ start: "", end: "" }, read)).toBeUndefined();
    expect(read.date("date", "31/02/2027")).toBe("31/02/2027");
    expect(read.problems).toEqual({ date: "date" });
  });

  it("completes a web address typed without its scheme, and reads a source's date", () => {
    const read = new EntryReader("uk");
    const [source] = toSources(
      [
        {
          title: " Press release ",
          kind: "official",
          url: "www.gov.uk/government/news",
          publisher: "",
          published: "31 березня 2025",
          locator: "",
          quote: "",
        },
      ],
      read,
    );
    expect(source).toEqual({
      title: "Press release",
      kind: "official",
      url: "https://www.gov.uk/government/news",
      published: "2025-03-31",
    });
  });
});
