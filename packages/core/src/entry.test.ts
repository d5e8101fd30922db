import { describe, expect, it } from "vitest";
import { completeUrl, readAmount, readPartialDate, termByWords } from "./entry.ts";
import { categoryTerms, quantityUnitTerms, stageTerms } from "./vocabulary/index.ts";

const amount = (text: string, lang?: "en" | "uk") => {
  const read = readAmount(text, lang);
  return read.ok ? read.value : read.error.message;
};

describe("readAmount", () => {
  it.each([
    ["1500000000", undefined, { amount: "1500000000" }],
    ["1,500,000,000", undefined, { amount: "1500000000" }],
    ["1 250 000,50", undefined, { amount: "1250000.50" }],
    ["1\u00a0250\u00a0000,50", "uk", { amount: "1250000.50" }],
    ["1\u202f250\u202f000", "uk", { amount: "1250000" }],
    ["1,250,000.50", "en", { amount: "1250000.50" }],
    ["1.250.000,50", undefined, { amount: "1250000.50" }],
    ["12.5", undefined, { amount: "12.5" }],
    ["1,5", undefined, { amount: "1.5" }],
    ["£500,000,000", "en", { amount: "500000000", currency: "GBP" }],
    ["500 000 000 £", "uk", { amount: "500000000", currency: "GBP" }],
    ["GBP 1,000", "en", { amount: "1000", currency: "GBP" }],
    ["100 000 000 GBP", "uk", { amount: "100000000", currency: "GBP" }],
    ["€2.5", undefined, { amount: "2.5", currency: "EUR" }],
    ["-40", undefined, { amount: "-40" }],
    ["1,500", "en", { amount: "1500" }],
    ["1,500", "uk", { amount: "1.500" }],
    ["1.500", undefined, { amount: "1.500" }],
    ["1.500.000", undefined, { amount: "1500000" }],
  ] as const)("reads %s (%s)", (text, lang, expected) => {
    expect(amount(text, lang)).toEqual(expected);
  });

  it.each([
    ["1,500", undefined, "reads as 1500 or as 1.500"],
    ["1,50,000", "en", "grouped unevenly"],
    ["1 25 000", "uk", "grouped unevenly"],
    ["1.5.0", undefined, "grouped unevenly"],
    ["1.500.00", undefined, "grouped unevenly"],
    ["12,345.6.7", "en", "more than one decimal mark"],
    ["abc", "en", "not an amount: write it as 1,250,000.50"],
    ["1e9", "uk", "not an amount: write it as 1 250 000,50"],
    ["1.500.000,5x", undefined, "not an amount: write it as 1,250,000.50, 1 250 000,50 or 1250000.50"],
    ["£5 EUR", "en", "names two currencies"],
    ["", undefined, "not an amount"],
  ] as const)("refuses %s (%s), naming the form expected", (text, lang, message) => {
    expect(amount(text, lang)).toContain(message);
  });
});

describe("readPartialDate", () => {
  const date = (text: string) => {
    const read = readPartialDate(text);
    return read.ok ? read.value : read.error.message;
  };
  it.each([
    ["2027", "2027"],
    ["2027-03", "2027-03"],
    ["2027-03-31", "2027-03-31"],
    ["31/03/2027", "2027-03-31"],
    ["01/04/2025", "2025-04-01"],
    ["1.4.2025", "2025-04-01"],
    ["03/2027", "2027-03"],
    ["31 March 2027", "2027-03-31"],
    ["March 2027", "2027-03"],
    ["31 березня 2027 р.", "2027-03-31"],
  ])("reads %s as %s", (text, expected) => {
    expect(date(text)).toBe(expected);
  });
  it.each([
    ["03/31/2027", "day first: for 3 march write 03/31"],
    ["31/02/2027", "not in the calendar"],
    ["2027-13", "no such month"],
    ["next spring", "not a date: write it as 31/03/2027"],
  ])("refuses %s", (text, message) => {
    expect(date(text).toLowerCase()).toContain(message.toLowerCase().split(":")[0]);
  });
});

describe("completeUrl", () => {
  it("completes an address without a scheme, and leaves the rest as written", () => {
    expect(completeUrl("www.gov.uk/government/news")).toBe("https://www.gov.uk/government/news");
    expect(completeUrl("gov.uk")).toBe("https://gov.uk");
    expect(completeUrl("http://example.org")).toBe("http://example.org");
    expect(completeUrl("not a url")).toBe("not a url");
  });
});

describe("termByWords", () => {
  it("takes an id or either language's label, in any case", () => {
    expect(termByWords(categoryTerms, "Air defence")).toBe("air_defence");
    expect(termByWords(categoryTerms, "air_defence")).toBe("air_defence");
    expect(termByWords(categoryTerms, categoryTerms.air_defence.uk.label.toUpperCase())).toBe("air_defence");
    expect(termByWords(stageTerms, "Delivered")).toBe("delivered");
    expect(termByWords(quantityUnitTerms, "постріли")).toBe("rounds");
    expect(termByWords(categoryTerms, "no such thing")).toBeUndefined();
  });
});
