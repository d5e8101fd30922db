import { createHash } from "node:crypto";
import {
  Commitment,
  isStateCode,
  type Measure,
  Party,
  type StageEvent,
  StageEvent as StageEventSchema,
  sameMeasureKind,
  stageIds,
} from "@commitments/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSynthetic, type SyntheticOptions, seededRandom } from "./synthetic.ts";

const small = { commitments: 300, events: 20_000 } as const;

function hashOf(options: SyntheticOptions): string {
  const dataset = generateSynthetic(options);
  const hash = createHash("sha256");
  hash.update(JSON.stringify(dataset.parties));
  hash.update(JSON.stringify(dataset.commitments));
  for (const event of dataset.events()) hash.update(JSON.stringify(event));
  return hash.digest("hex");
}

const sizeOf = (m: Measure): bigint => BigInt(m.kind === "money" ? m.amount : m.count);

/**
 * Checks every invariant the generator promises and returns what broke (plain checks, not one expect per event:
 * there are many events). Returns the events for further checks.
 */
function checkInvariants(options: SyntheticOptions): { broken: string[]; events: StageEvent[] } {
  const dataset = generateSynthetic(options);
  const events = [...dataset.events()];
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok && broken.length < 20) broken.push(what);
  };
  check(events.length === (options.events ?? 1_000_000), "event count");
  check(new Set(events.map((e) => e.id)).size === events.length, "unique event ids");

  const partyIds = new Set(dataset.parties.map((p) => p.id));
  check(partyIds.has("UA"), "Ukraine among the parties");

  const byCommitment = new Map<string, StageEvent[]>();
  for (const e of events) {
    const list = byCommitment.get(e.commitment) ?? [];
    list.push(e);
    byCommitment.set(e.commitment, list);
  }
  check(
    [...byCommitment.keys()].every((id) => dataset.commitments.some((c) => c.id === id)),
    "events point to commitments",
  );

  for (const c of dataset.commitments) {
    check(c.synthetic && c.sources.length === 1 && c.sources[0] === dataset.source, `${c.id} flagged`);
    check(
      partyIds.has(c.donor) && isStateCode(c.donor) && !["UA", "RU", "BY"].includes(c.donor),
      `${c.id} donor`,
    );
    check(sizeOf(c.measure) > 0n, `${c.id} positive`);
    if (c.schedule.length > 0) {
      check(
        c.schedule.reduce((sum, t) => sum + sizeOf(t.measure), 0n) === sizeOf(c.measure),
        `${c.id} tranches`,
      );
      check(
        c.schedule.every((t) => sameMeasureKind(t.measure, c.measure)),
        `${c.id} tranches measured alike`,
      );
    }

    const own = byCommitment.get(c.id) ?? [];
    const totals: Record<string, bigint> = { pledged: 0n, committed: 0n, allocated: 0n, delivered: 0n };
    let lastDate = "";
    let lastStage = 0;
    for (const e of own) {
      const stage = stageIds.indexOf(e.stage);
      check(e.synthetic && e.sources.length === 1 && e.sources[0] === dataset.source, `${e.id} flagged`);
      check(sameMeasureKind(e.measure, c.measure), `${e.id} measured like its commitment`);
      check(sizeOf(e.measure) > 0n, `${e.id} positive`);
      check(e.date >= "2022-01-01" && e.date <= "2026-12-31", `${e.id} date in 2022-2026`);
      check(e.date >= lastDate && stage >= lastStage, `${e.id} in order`);
      lastDate = e.date;
      lastStage = stage;
      totals[e.stage] = (totals[e.stage] as bigint) + sizeOf(e.measure);
    }
    if (own.length > 0) {
      const { pledged = 0n, committed = 0n, allocated = 0n, delivered = 0n } = totals;
      check(pledged === sizeOf(c.measure), `${c.id} pledged is the commitment`);
      check(committed <= pledged && allocated <= committed && delivered <= allocated, `${c.id} stages nest`);
    }
  }
  return { broken, events };
}

describe("seededRandom", () => {
  it("is deterministic and stays in [0, 1)", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
    expect(seededRandom(2)()).not.toBe(seededRandom(1)());
  });
});

describe("generateSynthetic", () => {
  it("gives identical output for the same seed", () => {
    expect(hashOf({ seed: 7, ...small })).toBe(hashOf({ seed: 7, ...small }));
  });

  it("gives different output for a different seed", () => {
    expect(hashOf({ seed: 8, ...small })).not.toBe(hashOf({ seed: 7, ...small }));
  });

  it("replays the same events on every call", () => {
    const dataset = generateSynthetic({ seed: 3, commitments: 50, events: 2_000 });
    expect([...dataset.events()]).toEqual([...dataset.events()]);
  });

  it("flags everything synthetic, with a source that says so", () => {
    const dataset = generateSynthetic({ seed: 11, commitments: 20, events: 200 });
    expect(dataset.source).toEqual({
      title: "Synthetic demo data (generator v2, seed 11) — not real figures",
      kind: "synthetic",
    });
    expect(dataset.commitments.every((c) => c.synthetic && c.sources[0]?.kind === "synthetic")).toBe(true);
    expect([...dataset.events()].every((e) => e.synthetic && e.sources[0]?.kind === "synthetic")).toBe(true);
  });

  it("produces records the core schemas accept unchanged", () => {
    const dataset = generateSynthetic({ seed: 5, commitments: 2_000, events: 100_000 });
    for (const p of dataset.parties) expect(Party.parse(p)).toEqual(p);
    for (const c of dataset.commitments.slice(0, 500)) expect(Commitment.parse(c)).toEqual(c);
    let i = 0;
    for (const e of dataset.events()) {
      if (i++ % 97 === 0) expect(StageEventSchema.parse(e)).toEqual(e);
    }
  });

  it("uses the default donor count and mixes money with quantities", () => {
    const dataset = generateSynthetic({ seed: 9, commitments: 2_000, events: 0 });
    expect(dataset.parties).toHaveLength(51);
    expect([...dataset.events()]).toEqual([]);
    const kinds = new Set(dataset.commitments.map((c) => c.measure.kind));
    expect(kinds).toEqual(new Set(["money", "quantity"]));
    const currencies = new Set(
      dataset.commitments.flatMap((c) => (c.measure.kind === "money" ? [c.measure.currency] : [])),
    );
    expect(currencies.has("EUR") && currencies.has("USD")).toBe(true);
    expect(dataset.commitments.some((c) => c.schedule.length > 0)).toBe(true);
    expect(dataset.commitments.some((c) => c.schedule.length === 0)).toBe(true);
  });

  it("writes amounts as exact whole decimals, never floats", () => {
    const dataset = generateSynthetic({ seed: 13, commitments: 1_000, events: 20_000 });
    const decimals = [
      ...dataset.commitments.flatMap((c) => [c.measure, ...c.schedule.map((t) => t.measure)]),
      ...[...dataset.events()].map((e) => e.measure),
    ].map((m) => (m.kind === "money" ? m.amount : m.count));
    for (const d of decimals) expect(d).toMatch(/^[1-9]\d*$/);
  });

  it("keeps its invariants at the default ratio of events to commitments", () => {
    const { broken, events } = checkInvariants({ seed: 21, commitments: 400, events: 20_000 });
    expect(broken).toEqual([]);
    const confidences = new Set(events.map((e) => e.confidence));
    expect(confidences.size).toBeGreaterThanOrEqual(5);
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(stageIds));
  });

  it("delivers against promises at every size, even with fewer events than commitments", () => {
    for (const events of [3, 1_000, 7_999, 8_000, 20_000]) {
      const dataset = generateSynthetic({ seed: 17, commitments: 2_000, events });
      const stagesOf = new Map<string, Set<string>>();
      let count = 0;
      for (const e of dataset.events()) {
        count++;
        stagesOf.set(e.commitment, (stagesOf.get(e.commitment) ?? new Set()).add(e.stage));
      }
      expect(count).toBe(events);
      const full = [...stagesOf.values()].filter((s) => s.has("committed") && s.has("delivered"));
      if (events >= 4) expect(full.length, `${events} events`).toBeGreaterThan(0);
    }
    // With fewer than four events per commitment, each commitment that has events has them all.
    const spread = generateSynthetic({ seed: 17, commitments: 2_000, events: 1_000 });
    const perCommitment = new Map<string, number>();
    for (const e of spread.events())
      perCommitment.set(e.commitment, (perCommitment.get(e.commitment) ?? 0) + 1);
    expect(new Set(perCommitment.values())).toEqual(new Set([4]));
    expect(perCommitment.size).toBe(250);
  });

  it("keeps its invariants for any seed and size", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 0, max: 3_000 }),
        (seed, donors, commitments, events) => {
          expect(checkInvariants({ seed, donors, commitments, events }).broken).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("rejects sizes it cannot honour", () => {
    expect(() => generateSynthetic({ seed: 1, commitments: 0, events: 1 })).toThrow(RangeError);
    expect(() => generateSynthetic({ seed: 1.5 })).toThrow(RangeError);
    expect(() => generateSynthetic({ seed: 1, donors: 0 })).toThrow(RangeError);
    expect(() => generateSynthetic({ seed: 1, donors: 10_000 })).toThrow(RangeError);
  });
});
