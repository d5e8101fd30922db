import { describe, expect, it } from "vitest";
import { parseXml, type XmlElement } from "../test/xml.ts";
import { type LadderChartInput, ladderSummary, renderLadderChart } from "./ladder.ts";

const input: LadderChartInput = {
  lang: "en",
  title: "Rung against military aid",
  guarantors: [
    {
      id: "US",
      name: "United States",
      tier: "intermediate",
      volume: "64000000000",
      share: 0.9,
      standing: "words_and_weapons",
    },
    {
      id: "FR",
      name: "France",
      tier: "intermediate",
      volume: "100000000",
      share: 0.5,
      standing: "words_without_weapons",
    },
    {
      id: "PL",
      name: "Poland",
      tier: "soft",
      volume: "4000000000",
      share: 1,
      standing: "weapons_without_words",
    },
    {
      id: "NATO",
      name: "NATO",
      tier: "intermediate",
      volume: null,
      share: null,
      standing: "words_without_weapons",
    },
  ],
  median: "2000000000",
  sources: [
    {
      id: "kiel",
      publisher: "Kiel Institute for the World Economy",
      release: "Ukraine Support Tracker, Release 29 (04/2026)",
    },
  ],
  recordsUrl: "https://example.org/",
};

const textOfAll = (node: XmlElement): string =>
  node.children.map((c) => (typeof c === "string" ? c : textOfAll(c))).join("");
const all = (node: XmlElement, name: string): XmlElement[] => [
  ...(node.name === name ? [node] : []),
  ...node.children.flatMap((c) => (typeof c === "string" ? [] : all(c, name))),
];

describe("the ladder chart", () => {
  it("draws one mark per guarantor with a figure, names those without, and credits the release", () => {
    const svg = renderLadderChart(input);
    const root = parseXml(svg);
    expect(all(root, "circle").filter((c) => c.attributes.class === "guarantor")).toHaveLength(3);
    expect(svg).toContain("Without a Kiel figure: NATO.");
    expect(svg).toContain("Release 29 (04/2026)");
    expect(renderLadderChart(input)).toBe(svg);
  });

  it("describes who stands where, in English and Ukrainian", () => {
    expect(ladderSummary(input)).toBe(
      "Words and weapons: United States; Words without weapons: France; Weapons without words: Poland; Neither: none (median: €2\u00a0bn).",
    );
    const uk = renderLadderChart({ ...input, lang: "uk" });
    expect(uk).toContain("Слова без зброї: France");
    expect(uk).toContain('lang="uk"');
  });

  it("spreads small and large guarantors on a log axis of whole powers of ten", () => {
    const xOfMark = (svg: string) =>
      new Map(
        all(parseXml(svg), "circle")
          .filter((c) => c.attributes.class === "guarantor")
          .map((c) => [all(c, "title").map(textOfAll).join("").split(":")[0] ?? "", Number(c.attributes.cx)]),
      );
    const linear = xOfMark(renderLadderChart(input));
    const logSvg = renderLadderChart({ ...input, scale: "log" });
    const log = xOfMark(logSvg);
    const texts = all(parseXml(logSvg), "text").map(textOfAll);
    // France's €100m is a speck beside €64bn on a linear axis; on the log axis it stands well apart from zero.
    const [us, fr, pl] = ["United States", "France", "Poland"].map((n) => log.get(n) as number) as [
      number,
      number,
      number,
    ];
    const gap = (x: Map<string, number>, a: string, b: string) => (x.get(b) as number) - (x.get(a) as number);
    expect(gap(linear, "France", "Poland") / gap(linear, "Poland", "United States")).toBeLessThan(0.1);
    expect(fr).toBeLessThan(pl);
    expect(pl).toBeLessThan(us);
    // Equal ratios, equal distances: 100m → 4bn is 40×, 4bn → 64bn is 16×.
    expect((pl - fr) / (us - pl)).toBeCloseTo(Math.log10(40) / Math.log10(16), 2);
    expect(texts).toContain("Military aid allocated (Kiel Institute), EUR, log scale");
    expect(texts).toContain("€100\u00a0m");
    expect(texts).toContain("€100\u00a0bn");
    expect(renderLadderChart({ ...input, lang: "uk", scale: "log" })).toContain("логарифмічна шкала");
  });
});
