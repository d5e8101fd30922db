import { label } from "@commitments/core/vocabulary";
import { describe, expect, it } from "vitest";
import type { Namer } from "../workspace/review.ts";
import { historyChanges, remarkReason, versionOrigin } from "./history-words.ts";

const names = (lang: "en" | "uk"): Namer => ({
  lang,
  party: (id) => ({ GB: lang === "uk" ? "Велика Британія" : "United Kingdom" })[id] ?? id,
  commitment: (id) => (id === "gb-interceptors-x1" ? "Air defence interceptors" : id),
  none: lang === "uk" ? "(немає)" : "(none)",
  position: (n) => (lang === "uk" ? `№ ${n}` : `No. ${n}`),
});
const created = (record: Record<string, unknown>) =>
  Object.entries(record).map(([field, after]) => ({ field, before: null, after }));

describe("a version's changes in the history, in the reader's words", () => {
  it("reads a delivery's first public version without its id, its commitment's id or its flags", () => {
    const changes = created({
      id: "gb-interceptors-x1-delivered-z2",
      commitment: "gb-interceptors-x1",
      stage: "delivered",
      date: "2026-03-15",
      measure: { kind: "money", amount: "250000", currency: "GBP" },
      confidence: "reported_by_donor",
      sources: [{ title: "Delivery report", kind: "official" }],
      synthetic: false,
    });
    const shown = historyChanges("event", changes, names("en"));
    expect(shown.map((c) => [c.field, c.after])).toEqual([
      ["commitment", "Air defence interceptors"],
      ["stage", "Delivered"],
      ["date", "15 March 2026"],
      ["measure", "£250,000"],
      ["confidence", "Reported by donor"],
      ["sources", "Delivery report"],
    ]);
    expect(shown.every((c) => c.before === "(none)")).toBe(true);
    expect(JSON.stringify(shown)).not.toMatch(/gb-interceptors|reported_by_donor|false/);
  });

  it("names a commitment's parties and counts a tranche's place from 1, in Ukrainian too", () => {
    const commitment = historyChanges(
      "commitment",
      created({ id: "gb-interceptors-x1", donor: "GB", category: "air_defence.interceptors" }),
      names("uk"),
    );
    expect(commitment.map((c) => c.after)).toEqual([
      "Велика Британія",
      label("category", "air_defence.interceptors", "uk"),
    ]);
    const tranche = historyChanges("tranche", created({ position: 0, due: "2026-06-30" }), names("uk"));
    expect(tranche.map((c) => c.after)).toEqual(["№ 1", "30 червня 2026 р."]);
  });

  it("reads a dispute's figure, reason, evidence and status, not its target or organisation", () => {
    const changes = created({
      id: "dispute-1",
      target: { kind: "commitment", id: "gb-interceptors-x1" },
      organisation: "demo-ngo",
      statement: "The signed agreement promises less.",
      figure: { kind: "money", amount: "1600000", currency: "GBP" },
      sources: [{ title: "The signed agreement", kind: "official" }],
      status: "open",
    });
    expect(historyChanges("dispute", changes, names("en")).map((c) => [c.field, c.after])).toEqual([
      ["statement", "The signed agreement promises less."],
      ["figure", "£1,600,000"],
      ["sources", "The signed agreement"],
      ["status", label("disputeStatus", "open", "en")],
    ]);
    const closed = historyChanges(
      "dispute",
      [{ field: "status", before: "open", after: "withdrawn" }],
      names("uk"),
    );
    expect(closed).toEqual([
      {
        field: "status",
        before: label("disputeStatus", "open", "uk"),
        after: label("disputeStatus", "withdrawn", "uk"),
      },
    ]);
  });

  it("leaves out a change that reads the same in words", () => {
    const period = {
      field: "period",
      before: { start: "2026", end: "2027" },
      after: { end: "2027", start: "2026" },
    };
    expect(historyChanges("commitment", [period], names("en"))).toEqual([]);
  });
});

describe("why a remark's version was written", () => {
  it("is in its author's words, never the ledger's wording with the record's id", () => {
    const dispute = { id: "d-1", target: { kind: "commitment", id: "gb-x1" }, statement: "Less was signed." };
    expect(remarkReason(dispute)).toBe("Less was signed.");
    expect(remarkReason({ ...dispute, status: "withdrawn", resolution: "A corrected report." })).toBe(
      "A corrected report.",
    );
    expect(remarkReason({ id: "c-1", event: "gb-x1-delivered", note: "Received at the depot." })).toBe(
      "Received at the depot.",
    );
    expect(remarkReason({ id: "c-2", event: "gb-x1-delivered" })).toBeNull();
    expect(
      remarkReason({ id: "n-1", target: { kind: "event", id: "gb-x1-delivered" }, text: "A note." }),
    ).toBeNull();
  });
});

describe("a version the tracker wrote of in its own words", () => {
  const history = {
    remarks: [
      { kind: "dispute", changeSet: 20 },
      { kind: "confirmation", changeSet: 21 },
    ],
    proposals: [
      { id: "p-1", proposed: { by: "GB ministry (editor)" }, decided: { by: "GB ministry (approver)" } },
      { id: "p-2", proposed: { by: "GB ministry (editor)" }, decided: null },
    ],
  };

  it("names who published a proposal and whose it was", () => {
    expect(versionOrigin({ changeSet: 19, proposal: "p-1" }, history)).toEqual({
      published: { by: "GB ministry (approver)", of: "GB ministry (editor)" },
      confirmedReceipt: false,
    });
    expect(versionOrigin({ changeSet: 19, proposal: "p-2" }, history).published).toBeNull();
    expect(versionOrigin({ changeSet: 19, proposal: null }, history).published).toBeNull();
  });

  it("knows a delivery's version written by the recipient's confirmation, in the same change set", () => {
    expect(versionOrigin({ changeSet: 21, proposal: null }, history).confirmedReceipt).toBe(true);
    expect(versionOrigin({ changeSet: 20, proposal: null }, history).confirmedReceipt).toBe(false);
  });
});
