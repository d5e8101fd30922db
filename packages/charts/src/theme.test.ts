import { describe, expect, it } from "vitest";
import { parseXml, type XmlElement } from "../test/xml.ts";
import { type LadderChartInput, renderLadderChart } from "./ladder.ts";
import { renderSeriesChart } from "./render.ts";
import { type ChartTheme, type Ground, looks } from "./style.ts";
import type { ChartGroup, FlagCounts, SeriesChartInput } from "./types.ts";

// Test fixtures, not real figures: eight groups (one folded into "Other"), every flag, so every mark is drawn.
const none: FlagCounts = { synthetic: 0, estimated: 0, disputed: 0 };
const flagged = { promised: { synthetic: 1, estimated: 1, disputed: 1 }, delivered: none };
const groups: ChartGroup[] = Array.from({ length: 8 }, (_, i) => ({
  key: `D${i}`,
  label: `Donor ${i}`,
  currency: "EUR",
  points: [
    {
      period: "2024-Q1",
      promised: "100",
      delivered: "0",
      cumulativePromised: "100",
      cumulativeDelivered: "0",
    },
    {
      period: "2024-Q2",
      promised: "0",
      delivered: `${40 + i}`,
      cumulativePromised: "100",
      cumulativeDelivered: `${40 + i}`,
      flags: flagged,
    },
  ],
}));

const series = (kind: "cumulative" | "bars", theme?: ChartTheme): SeriesChartInput => ({
  series: {
    measure: "money",
    currency: "EUR",
    unit: null,
    interval: "quarter",
    groupBy: "donor",
    promisedStage: "committed",
    deliveredStage: "delivered",
    groups,
    conversion: { currency: "EUR", convention: "event_date" },
  },
  meta: { datasetVersion: 7, asOf: "2025-06-30T12:00:00.000Z" },
  kind,
  lang: "en",
  title: "Promised and delivered",
  subtitle: "By donor",
  source: "Commitments tracker; sources per record at https://example.org/",
  theme,
});

const ladder = (theme?: ChartTheme): LadderChartInput => ({
  lang: "uk",
  title: "Щабель і військова допомога",
  guarantors: [
    {
      id: "US",
      name: "США",
      tier: "intermediate",
      volume: "64000000000",
      share: 0.9,
      standing: "words_and_weapons",
    },
    {
      id: "FR",
      name: "Франція",
      tier: "intermediate",
      volume: "1000",
      share: 0.5,
      standing: "words_without_weapons",
    },
    {
      id: "PL",
      name: "Польща",
      tier: "soft",
      volume: "4000000000",
      share: 1,
      standing: "weapons_without_words",
    },
    { id: "MT", name: "Мальта", tier: null, volume: "10", share: 1, standing: "neither" },
  ],
  median: "2000000000",
  sources: [{ id: "kiel", publisher: "Kiel Institute", release: "Release 29" }],
  recordsUrl: "https://example.org/",
  theme,
});

/** WCAG 2 relative luminance and contrast ratio of two "#rrggbb" colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every text element with the fill it is read against: the banner's inside the banner, the rest on the ground. */
function textsOn(node: XmlElement, ground: string, banner: string, out: [string, string][] = []) {
  const on = node.attributes.class === "synthetic-banner" ? banner : ground;
  for (const child of node.children) {
    if (typeof child === "string") continue;
    if (child.name === "text") out.push([child.attributes.fill ?? "", on]);
    else textsOn(child, on, banner, out);
  }
  return out;
}

const colourAttributes = (svg: string) =>
  new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{6})"/g)].map((m) => m[1]));

describe("a chart's theme", () => {
  it("keeps every text at 4.5:1 and every group's and standing's colour at 3:1 against its ground", () => {
    for (const theme of ["light", "dark"] as Ground[]) {
      const look = looks[theme];
      for (const colour of [...look.palette, look.other, ...look.standings])
        expect(contrast(colour, look.ground), `${theme} ${colour}`).toBeGreaterThanOrEqual(3);
      for (const svg of [
        renderSeriesChart(series("cumulative", theme)),
        renderSeriesChart(series("bars", theme)),
        renderLadderChart(ladder(theme)),
      ]) {
        const texts = textsOn(parseXml(svg), look.ground, look.bannerFill);
        expect(texts.length).toBeGreaterThan(10);
        for (const [fill, on] of texts)
          expect(contrast(fill, on), `${theme}: text ${fill} on ${on}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("draws the dark chart on the dark ground with none of the light one's colours of text or ground", () => {
    const light = looks.light;
    for (const svg of [
      renderSeriesChart(series("bars", "dark")),
      renderSeriesChart(series("cumulative", "dark")),
      renderLadderChart(ladder("dark")),
    ]) {
      const colours = colourAttributes(svg);
      expect(colours).toContain(looks.dark.ground);
      for (const colour of [light.ground, light.ink, light.muted, light.bannerFill])
        expect(colours).not.toContain(colour);
    }
  });

  it("is light when none is asked, to the byte", () => {
    expect(renderSeriesChart(series("bars"))).toBe(renderSeriesChart(series("bars", "light")));
    expect(renderLadderChart(ladder())).toBe(renderLadderChart(ladder("light")));
    expect(colourAttributes(renderSeriesChart(series("bars")))).toContain("#ffffff");
  });

  it("draws both with `auto`, the reader's setting choosing, every id once and the labels the outer image's", () => {
    for (const [svg, light, dark] of [
      [renderSeriesChart(series("bars", "auto")), renderSeriesChart(series("bars", "light")), "chart-dark"],
      [renderLadderChart(ladder("auto")), renderLadderChart(ladder("light")), "ladder-dark"],
    ] as const) {
      const root = parseXml(svg);
      expect(root.attributes.role).toBe("img");
      const inner = root.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === "svg");
      expect(inner.map((c) => [c.attributes.class, c.attributes["aria-hidden"]])).toEqual([
        ["reader-light", "true"],
        ["reader-dark", "true"],
      ]);
      expect(svg).toContain("@media (prefers-color-scheme: dark)");
      expect(colourAttributes(svg)).toContain(looks.dark.ground);
      expect(colourAttributes(svg)).toContain(looks.light.ground);
      // The light drawing is the light chart itself; the dark one's ids have their own prefix.
      expect(svg).toContain(
        light.trimEnd().replace(/^<svg /, '<svg class="reader-light" aria-hidden="true" '),
      );
      const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain(`${dark}-title`);
      for (const label of (root.attributes["aria-labelledby"] ?? "").split(" ")) expect(ids).toContain(label);
    }
  });
});
