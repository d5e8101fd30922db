import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Source } from "@commitments/core";
import { describe, expect, it } from "vitest";
import { referenceAgreements } from "./agreements.ts";
import { referenceCommitments } from "./commitments.ts";
import { seedFiles } from "./sources.ts";

/*
 * The seeds are the only ground for the reference data, so these tests hold the data to their text: every quote must
 * stand in the seed it cites, and every figure must be one a seed states. The seed files are not part of the
 * repository: they sit in ../shared/seeds beside a clone (as in CI), or where COMMITMENTS_SEEDS_DIR says. A clone
 * without them skips these checks with a notice; CI must have them and fails instead.
 */
const seedsDir =
  process.env.COMMITMENTS_SEEDS_DIR ?? fileURLToPath(new URL("../../../../shared/seeds", import.meta.url));
const haveSeeds = Object.values(seedFiles).every((file) => existsSync(join(seedsDir, file)));
if (!haveSeeds && process.env.CI) throw new Error(`CI needs the seed documents in ${seedsDir}`);
if (!haveSeeds) console.warn(`Seed-text checks skipped: no seed documents in ${seedsDir}.`);

/** Markdown emphasis and line wrapping are typography, not words. */
function normalise(text: string): string {
  return text.replaceAll("**", "").replace(/\s+/g, " ").trim();
}

const seedText = (title: string): string => {
  const file = (seedFiles as Record<string, string>)[title];
  if (file === undefined) throw new Error(`not a seed: ${title}`);
  return normalise(readFileSync(join(seedsDir, file), "utf8"));
};

interface Cited {
  where: string;
  source: Source;
}

function allCitations(): Cited[] {
  const out: Cited[] = [];
  const add = (where: string, sources: readonly Source[]) => {
    for (const source of sources) out.push({ where, source });
  };
  for (const a of referenceAgreements) {
    add(a.id, a.sources);
    for (const p of a.provisions) add(`${a.id} ${p.kind}`, p.sources);
    for (const s of a.statusHistory) add(`${a.id} ${s.status} ${s.date}`, s.sources);
  }
  for (const c of referenceCommitments) add(c.id, c.sources);
  return out;
}

const symbols: Record<string, string> = { EUR: "€", USD: "$", GBP: "£" };

/** How a seed writes a figure: 50000000000 EUR → "€50 billion". */
function asSeedWritesIt(amount: string, currency: string): string {
  const value = BigInt(amount);
  const symbol = symbols[currency] ?? `${currency} `;
  for (const [scale, word] of [
    [1_000_000_000n, "billion"],
    [1_000_000n, "million"],
  ] as const) {
    if (value >= scale && value % scale === 0n) return `${symbol}${value / scale} ${word}`;
  }
  return `${symbol}${value.toLocaleString("en-GB")}`;
}

interface Figure {
  where: string;
  phrase: string;
  /** The seed quotes on the record that holds the figure. */
  quotes: string[];
}

/** Every money amount and quantity count in a tree of records, with the seed quotes of the record holding it. */
function figuresIn(value: unknown, where = "", quotes: string[] = []): Figure[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => figuresIn(v, `${where}[${i}]`, quotes));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const own = Array.isArray(record.sources)
    ? (record.sources as Source[])
        .filter((s) => s.kind === "seed_document")
        .flatMap((s) => (s.quote ? [s.quote] : []))
    : quotes;
  const found: Figure[] = [];
  if (typeof record.amount === "string" && typeof record.currency === "string") {
    found.push({ where, phrase: asSeedWritesIt(record.amount, record.currency), quotes: own });
  }
  if (typeof record.count === "string" && typeof record.unit === "string") {
    found.push({ where, phrase: `${BigInt(record.count).toLocaleString("en-GB")}`, quotes: own });
  }
  for (const [key, child] of Object.entries(record)) {
    if (key !== "sources") found.push(...figuresIn(child, `${where}.${key}`, own));
  }
  return found;
}

/** The figures that no seed quote on their own record states. */
function unsupported(figures: Figure[]): Figure[] {
  return figures.filter((f) => !f.quotes.some((q) => normalise(q).includes(f.phrase)));
}

const referenceData = { agreements: referenceAgreements, commitments: referenceCommitments };

describe("figures", () => {
  const figures = figuresIn(referenceData);

  it("are only the ones the seeds state", () => {
    expect(new Set(figures.map((f) => f.phrase))).toEqual(new Set(["€50 billion", "€5 billion"]));
  });

  it("each stand in a seed quote on the record that carries them", () => {
    expect(unsupported(figures)).toEqual([]);
  });

  it("would catch an invented figure", () => {
    const tampered = structuredClone(referenceData);
    const epf = tampered.commitments.find((c) => c.id === "eu-european-peace-facility-annual");
    if (epf?.measure.kind !== "money") throw new Error("expected the EPF line in money");
    epf.measure.amount = "7000000000";
    expect(unsupported(figuresIn(tampered)).map((f) => f.phrase)).toEqual(["€7 billion"]);
  });

  it.skipIf(!haveSeeds)("appear in the seed texts themselves", () => {
    const texts = Object.keys(seedFiles).map(seedText).join("\n");
    for (const f of figures) expect(texts, f.where).toContain(f.phrase);
  });
});

describe.skipIf(!haveSeeds)("seed citations", () => {
  it("quote their seed verbatim", () => {
    const misquoted = allCitations()
      .filter(({ source }) => source.kind === "seed_document" && source.quote !== undefined)
      .filter(({ source }) => !seedText(source.title).includes(normalise(source.quote as string)))
      .map(({ where, source }) => `${where}: ${source.quote}`);
    expect(misquoted).toEqual([]);
  });

  it("name a seed that exists", () => {
    for (const { where, source } of allCitations()) {
      if (source.kind === "seed_document") expect(Object.keys(seedFiles), where).toContain(source.title);
    }
  });
});
