import { describe, expect, it } from "vitest";
import { messages } from "./messages.ts";
import type { DonorRecords } from "./queries.ts";
import { rowsOf } from "./rows.ts";

const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });
const meta = (status: string, retracted = false) => ({
  status,
  retracted,
  version: 1,
  recordedAt: "2025-02-01T10:00:00Z",
});

/** The ministry's records as the API lists them, as far as the rows read them. */
const records = {
  commitments: [
    { id: "b-published", title: "Bravo", measure: eur("100"), ...meta("published") },
    { id: "a-draft", title: "Alpha", measure: eur("200"), ...meta("draft") },
    { id: "c-retracted", title: "Charlie", measure: eur("300"), ...meta("published", true) },
    { id: "d-submitted", title: "Delta", measure: eur("400"), ...meta("submitted") },
  ],
  tranches: [
    {
      id: "b-t1",
      commitment: "b-published",
      position: 0,
      due: "2025-06",
      measure: eur("50"),
      ...meta("submitted"),
    },
    {
      id: "b-t0",
      commitment: "b-published",
      position: 1,
      due: "2025-09",
      measure: eur("50"),
      ...meta("published"),
    },
  ],
  events: [],
} as unknown as DonorRecords;

describe("the workspace's rows", () => {
  const t = messages.en;
  it("lists what is not yet published, under its commitment, retracted records left out", () => {
    expect(rowsOf(records, "en", t).map((r) => [r.key, r.status])).toEqual([
      ["commitment:a-draft", "draft"],
      ["tranche:b-t1", "submitted"],
      ["commitment:d-submitted", "submitted"],
    ]);
  });

  it("lists the published records apart, each labelled in words, retracted ones left out", () => {
    const published = rowsOf(records, "en", t, "published");
    expect(published.map((r) => r.key)).toEqual(["commitment:b-published", "tranche:b-t0"]);
    expect(published[1]?.label).toBe("No. 2, due September 2025, of “Bravo”");
  });
});
