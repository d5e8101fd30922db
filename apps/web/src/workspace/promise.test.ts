import { describe, expect, it } from "vitest";
import { emptyMeasure, emptySource } from "./drafts.ts";
import { EntryReader } from "./entry.ts";
import { messages } from "./messages.ts";
import { checkPromise, emptyPromise, type PromiseBasis, promiseParts, scheduleTotal } from "./promise.ts";

const basis = (amount: string): PromiseBasis => ({
  measure: { ...emptyMeasure("GBP"), amount },
  sources: [{ ...emptySource(), title: "Press release", kind: "official" }],
});
const errors = messages.en.errors;

describe("a new promise's parts", () => {
  it("adds the committed-stage event and the tranches, numbered from 0 in the record", () => {
    const promise = {
      stage: "committed" as const,
      date: "16/01/2024",
      schedule: [
        { due: "2025", amount: "£1,000,000" },
        { due: "03/2026", amount: "500,000" },
      ],
    };
    const read = new EntryReader("en");
    const parts = promiseParts(promise, basis("1,500,000"), read, "gb-line");
    expect(read.problems).toEqual({});
    expect(parts.event).toEqual({
      commitment: "gb-line",
      stage: "committed",
      date: "2024-01-16",
      measure: { kind: "money", amount: "1500000", currency: "GBP" },
      confidence: "reported_by_donor",
      sources: [{ title: "Press release", kind: "official" }],
    });
    expect(parts.tranches).toEqual([
      {
        commitment: "gb-line",
        position: 0,
        due: "2025",
        measure: { kind: "money", amount: "1000000", currency: "GBP" },
      },
      {
        commitment: "gb-line",
        position: 1,
        due: "2026-03",
        measure: { kind: "money", amount: "500000", currency: "GBP" },
      },
    ]);
    expect(checkPromise(parts, errors)).toEqual({});
    expect(scheduleTotal(promise, basis("1,500,000"), "en")).toEqual({
      total: { kind: "money", amount: "1500000", currency: "GBP" },
      amount: { kind: "money", amount: "1500000", currency: "GBP" },
    });
  });

  it("records no event when no stage is chosen", () => {
    const parts = promiseParts({ ...emptyPromise(), stage: "none" }, basis("10"), new EntryReader("en"));
    expect(parts).toEqual({ event: null, tranches: [] });
  });

  it("names the promise's own fields at fault: the stage's date, an instalment's due date and figure", () => {
    const promise = { stage: "committed" as const, date: "", schedule: [{ due: "", amount: "" }] };
    const read = new EntryReader("en");
    const problems = checkPromise(promiseParts(promise, basis("10"), read), errors);
    expect(Object.keys(problems).sort()).toEqual(["promise.date", "schedule.0.amount", "schedule.0.due"]);
    expect(problems["promise.date"]).toBe(errors.required);
  });

  it("says nothing of a schedule whose figures do not read", () => {
    const promise = { ...emptyPromise(), schedule: [{ due: "2025", amount: "a lot" }] };
    expect(scheduleTotal(promise, basis("10"), "en")).toEqual({ total: null, amount: null });
  });
});
