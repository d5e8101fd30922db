import { describe, expect, it } from "vitest";
import { DisputeBody, figureOf } from "./remarkSchemas.ts";

const pounds = { kind: "money" as const, amount: "1750000", currency: "GBP" };
const shells = { kind: "quantity" as const, count: "5000", unit: "rounds" as const, item: "155 mm shells" };

/** Whether a dispute with this figure passes the schema the API checks it with. */
const accepted = (figure: ReturnType<typeof figureOf>) =>
  DisputeBody.safeParse({
    target: { kind: "commitment", id: "gb-air-defence" },
    statement: "The signed agreement says less.",
    figure,
    sources: [{ title: "The agreement", kind: "official" }],
  }).success;

describe("an organisation's disputed figure, as typed", () => {
  it("reads the figure as the page's language writes numbers, in the record's currency", () => {
    expect(figureOf("1,600,000", pounds, "en")).toEqual({ ...pounds, amount: "1600000" });
    expect(figureOf("£1,600,000.50", pounds, "en")).toEqual({ ...pounds, amount: "1600000.50" });
    expect(figureOf("1 600 000,50", pounds, "uk")).toEqual({ ...pounds, amount: "1600000.50" });
    expect(figureOf("1600000 GBP", pounds, "uk")).toEqual({ ...pounds, amount: "1600000" });
    expect(figureOf(" 60 000 000 ", pounds, "en")).toEqual({ ...pounds, amount: "60000000" });
    expect(accepted(figureOf("1,600,000", pounds, "en"))).toBe(true);
  });

  it("counts in the record's unit", () => {
    expect(figureOf("4,500", shells, "en")).toEqual({ ...shells, count: "4500" });
    expect(figureOf("4 500", shells, "uk")).toEqual({ ...shells, count: "4500" });
  });

  it("leaves an empty figure out", () => {
    expect(figureOf("  ", pounds, "en")).toBeUndefined();
  });

  it("keeps as typed, for the schema to refuse, what does not read or names another currency", () => {
    for (const [typed, measure] of [
      ["1,6 million", pounds],
      ["€1,600,000", pounds],
      ["1600000 EUR", pounds],
      ["£4,500", shells],
    ] as const) {
      const figure = figureOf(typed, measure, "en");
      expect(figure).toEqual(
        measure.kind === "money" ? { ...measure, amount: typed } : { ...measure, count: typed },
      );
      expect(accepted(figure)).toBe(false);
    }
  });
});
