import { describe, expect, it } from "vitest";
import {
  changesInWords,
  lastReturn,
  type Namer,
  type ProposalStep,
  recordInWords,
  returnedProposal,
  returnedProposalNote,
  type Step,
} from "./review.ts";
import { reviewMessages } from "./review-messages.ts";

const names = (lang: "en" | "uk"): Namer => ({
  lang,
  party: (id) =>
    ({ NO: lang === "uk" ? "Норвегія" : "Norway", UA: lang === "uk" ? "Україна" : "Ukraine" })[id] ?? id,
  commitment: (id) => (id === "no-air-defence-2025" ? "Air defence package 2025" : "none"),
  none: lang === "uk" ? "немає" : "none",
  position: (n) => `No. ${n}`,
});

const commitment = {
  id: "no-air-defence-2025",
  donor: "NO",
  recipient: "UA",
  title: "Air defence package 2025",
  category: "air_defence.systems",
  measure: { kind: "money", amount: "1500000", currency: "EUR" },
  measureBasis: "total",
  period: { start: "2025-01", end: "2025-12" },
  conditions: [],
  sources: [
    {
      title: "Ministry of Defence press release",
      kind: "official",
      url: "https://example.org/press/2025-01",
      published: "2025-01-14",
    },
    { title: "Parliamentary answer", kind: "official" },
  ],
  synthetic: false,
  status: "submitted",
};

describe("a record in words", () => {
  it("names parties and categories, formats the amount and the period, links the sources; no id or enum value", () => {
    const { facts, sources } = recordInWords(commitment, names("en"));
    const byField = Object.fromEntries(facts.map((f) => [f.field, f.text]));
    expect(byField).toMatchObject({
      title: "Air defence package 2025",
      donor: "Norway",
      recipient: "Ukraine",
      measure: "€1,500,000",
      period: "January 2025 – December 2025",
      conditions: "none",
    });
    expect(byField.category).not.toContain("air_defence");
    expect(byField.category?.length).toBeGreaterThan(0);
    expect(byField.measureBasis).not.toBe("total");
    expect(facts.map((f) => f.field)).not.toContain("id");
    expect(facts.map((f) => f.field)).not.toContain("status");
    expect(sources[0]).toMatchObject({
      title: "Ministry of Defence press release",
      url: "https://example.org/press/2025-01",
    });
    expect(sources[0]?.detail).toContain("14 January 2025");
    expect(sources[0]?.detail).not.toContain("official");
    expect(sources[1]?.url).toBeUndefined();
    const text = JSON.stringify([facts, sources]);
    for (const raw of ["air_defence.systems", "no-air-defence-2025", "submitted", '"total"'])
      expect(text).not.toContain(raw);
  });

  it("speaks Ukrainian", () => {
    const { facts } = recordInWords(commitment, names("uk"));
    const byField = Object.fromEntries(facts.map((f) => [f.field, f.text]));
    expect(byField.donor).toBe("Норвегія");
    expect(byField.measure).toMatch(/1\s500\s000\sEUR/);
    expect(byField.period).toMatch(/січень 2025/i);
  });

  it("names a tranche's commitment by its title and its place from 1", () => {
    const { facts } = recordInWords(
      { commitment: "no-air-defence-2025", position: 0, due: "2025-06", measure: commitment.measure },
      names("en"),
    );
    expect(facts.map((f) => [f.field, f.text])).toEqual([
      ["commitment", "Air defence package 2025"],
      ["position", "No. 1"],
      ["due", "June 2025"],
      ["measure", "€1,500,000"],
    ]);
  });
});

describe("a proposal's changes in words", () => {
  it("gives each changed field the public reads, old and new, in the record's order; other fields left out", () => {
    const changes = changesInWords(
      [
        { field: "sources", before: commitment.sources, after: commitment.sources.slice(0, 1) },
        { field: "measure", before: commitment.measure, after: { ...commitment.measure, amount: "1750000" } },
        { field: "synthetic", before: false, after: true },
        { field: "category", before: "air_defence.systems", after: "demining" },
        { field: "period", before: null, after: { start: "2025", end: "2026" } },
        // The same period, its keys in another order: nothing a reader would see changes.
        { field: "period", before: { start: "2025", end: "2026" }, after: { end: "2026", start: "2025" } },
      ],
      names("en"),
    );
    expect(changes.map((c) => c.field)).toEqual(["category", "measure", "period", "sources"]);
    expect(changes[1]).toEqual({ field: "measure", before: "€1,500,000", after: "€1,750,000" });
    expect(changes[2]).toEqual({ field: "period", before: "none", after: "2025 – 2026" });
    expect(changes[3]).toEqual({
      field: "sources",
      before: "Ministry of Defence press release; Parliamentary answer",
      after: "Ministry of Defence press release",
    });
    expect(JSON.stringify(changes)).not.toMatch(/air_defence|demining"/);
  });
});

describe("why a draft was returned", () => {
  const step = (action: string, reason: string | null = null): Step => ({
    action,
    actor: "Test Ministry / Arne Approver",
    recordedAt: "2025-02-01T10:00:00Z",
    reason,
  });
  it("is the approver's last return", () => {
    expect(
      lastReturn([step("create"), step("submit"), step("return", "Add the second source")]),
    ).toMatchObject({
      reason: "Add the second source",
    });
    // The editor's changes since do not hide it: it still says why the draft is a draft again.
    expect(lastReturn([step("create"), step("submit"), step("return", "why"), step("update")])?.reason).toBe(
      "why",
    );
  });
  it("is nothing for a draft never returned, or submitted again since", () => {
    expect(lastReturn(undefined)).toBeNull();
    expect(lastReturn([step("create"), step("update")])).toBeNull();
    expect(lastReturn([step("create"), step("submit"), step("return", "why"), step("submit")])).toBeNull();
  });
});

describe("why a published record's last proposal came back", () => {
  const record = { kind: "commitment", id: "no-air-defence-2025", version: 3 };
  const proposal = (
    id: string,
    at: string,
    status: ProposalStep["status"],
    extra: Partial<ProposalStep> = {},
  ) =>
    ({
      id,
      kind: "retraction",
      status,
      target: { kind: "commitment", id: "no-air-defence-2025" },
      baseVersion: 3,
      proposed: { at },
      decided:
        status === "submitted"
          ? null
          : { by: "Test Ministry (Arne Approver)", at: "2025-03-02T09:30:00Z", reason: "Not yet signed" },
      ...extra,
    }) satisfies ProposalStep;

  it("is the approver's return of the last proposal, while the record stands where it was proposed", () => {
    const returned = proposal("p2", "2025-03-01T10:00:00Z", "returned");
    expect(returnedProposal(record, [proposal("p1", "2025-02-01T10:00:00Z", "returned"), returned])).toBe(
      returned,
    );
    // Another record's proposals say nothing of this one.
    const elsewhere = proposal("p3", "2025-03-05T10:00:00Z", "submitted", {
      target: { kind: "tranche", id: "no-air-defence-2025" },
    });
    expect(returnedProposal(record, [returned, elsewhere])).toBe(returned);
  });

  it("is nothing once a newer proposal is made, or the record changed since, or none was returned", () => {
    const returned = proposal("p1", "2025-03-01T10:00:00Z", "returned");
    expect(
      returnedProposal(record, [returned, proposal("p2", "2025-03-03T10:00:00Z", "submitted")]),
    ).toBeNull();
    expect(returnedProposal({ ...record, version: 4 }, [returned])).toBeNull();
    expect(returnedProposal(record, [proposal("p1", "2025-03-01T10:00:00Z", "submitted")])).toBeNull();
    expect(returnedProposal(record, [])).toBeNull();
    // Proposed the same moment: the later id is the later proposal.
    const same = "2025-03-01T10:00:00Z";
    expect(
      returnedProposal(record, [proposal("p9", same, "submitted"), proposal("p1", same, "returned")]),
    ).toBeNull();
  });

  it("says which proposal came back, by whom, when and why, in either language", () => {
    const returned = proposal("p1", "2025-03-01T10:00:00Z", "returned");
    expect(returnedProposalNote(returned, reviewMessages.en, "en")).toBe(
      "Retraction returned by Test Ministry (Arne Approver) on 2 March 2025 at 09:30 UTC: Not yet signed",
    );
    expect(returnedProposalNote(returned, reviewMessages.uk, "uk")).toMatch(
      /^Відкликання: повернув\(ла\) Test Ministry \(Arne Approver\), 2 березня 2025 р\..*09:30 UTC: Not yet signed$/,
    );
    const unexplained = {
      ...returned,
      kind: "correction" as const,
      decided: { by: "Test Ministry (Arne Approver)", at: "2025-03-02T09:30:00Z", reason: null },
    };
    expect(returnedProposalNote(unexplained, reviewMessages.en, "en")).toMatch(
      /^Correction returned by Test Ministry \(Arne Approver\) on .*UTC\.$/,
    );
  });
});
