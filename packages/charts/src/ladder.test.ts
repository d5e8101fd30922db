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
});
