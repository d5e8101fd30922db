import { describe, expect, it } from "vitest";
import { byClass, findAll, parseXml, textOf, type XmlElement } from "../test/xml.ts";
import { renderSeriesChart } from "./render.ts";
import type { ChartGroup, ChartPoint, ChartSeries, FlagCounts, SeriesChartInput } from "./types.ts";

// Test fixtures, not real figures.
const none: FlagCounts = { synthetic: 0, estimated: 0, disputed: 0 };

function point(
  period: string,
  [promised, delivered, cumulativePromised, cumulativeDelivered]: [string, string, string, string],
  flags?: { promised?: Partial<FlagCounts>; delivered?: Partial<FlagCounts> },
): ChartPoint {
  return {
    period,
    promised,
    delivered,
    cumulativePromised,
    cumulativeDelivered,
    ...(flags && {
      flags: { promised: { ...none, ...flags.promised }, delivered: { ...none, ...flags.delivered } },
    }),
  };
}

const twoQuarters: ChartGroup = {
  key: "all",
  label: "All commitments",
  points: [
    point("2024-Q1", ["100.00", "0.00", "100.00", "0.00"]),
    point("2024-Q2", ["0.00", "40.00", "100.00", "40.00"]),
  ],
};

function seriesOf(groups: ChartGroup[], more: Partial<ChartSeries> = {}): ChartSeries {
  return {
    measure: "money",
    currency: "EUR",
    unit: null,
    interval: "quarter",
    groupBy: "all",
    promisedStage: "committed",
    deliveredStage: "delivered",
    groups,
    conversion: { currency: "EUR", convention: "event_date" },
    ...more,
  };
}

function input(series: ChartSeries, more: Partial<SeriesChartInput> = {}): SeriesChartInput {
  return {
    series,
    meta: { datasetVersion: 7, asOf: "2025-06-30T12:00:00.000Z" },
    kind: "cumulative",
    lang: "en",
    title: "Promised and delivered",
    source: "Commitments tracker — promised vs delivered; sources per record at https://example.org/",
    ...more,
  };
}

const render = (i: SeriesChartInput) => parseXml(renderSeriesChart(i));
const child = (e: XmlElement, name: string) =>
  e.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);
const texts = (root: XmlElement) => findAll(root, (e) => e.name === "text").map(textOf);
const hoverOf = (e: XmlElement) => textOf(child(e, "title") as XmlElement);

describe("renderSeriesChart: the document", () => {
  it("is a well-formed standalone SVG of the asked size, labelled for assistive technology", () => {
    const svg = render(input(seriesOf([twoQuarters]), { width: 800, height: 450 }));
    expect(svg.name).toBe("svg");
    expect(svg.attributes).toMatchObject({
      xmlns: "http://www.w3.org/2000/svg",
      width: "800",
      height: "450",
      viewBox: "0 0 800 450",
      role: "img",
      lang: "en",
      "font-family": "DejaVu Sans, Verdana, Arial, sans-serif",
    });
    const ids = (svg.attributes["aria-labelledby"] ?? "").split(" ");
    expect(ids).toEqual(["chart-title", "chart-desc"]);
    expect(textOf(child(svg, "title") as XmlElement)).toBe("Promised and delivered");
    expect(child(svg, "title")?.attributes.id).toBe("chart-title");
    expect(child(svg, "desc")?.attributes.id).toBe("chart-desc");
  });

  it("defaults to 960 × 540", () => {
    const svg = render(input(seriesOf([twoQuarters])));
    expect([svg.attributes.width, svg.attributes.height]).toEqual(["960", "540"]);
  });

  it("sums up the latest cumulative figures in one sentence in <desc>, every digit as the API gave it", () => {
    const svg = render(input(seriesOf([twoQuarters])));
    expect(textOf(child(svg, "desc") as XmlElement)).toBe(
      "To 2024-Q2, in total: All commitments — promised €100.00, delivered €40.00.",
    );
  });

  it("gives every point a hover text with its figures", () => {
    const svg = render(input(seriesOf([twoQuarters])));
    const points = byClass(svg, "point");
    expect(points).toHaveLength(4);
    expect(points.map(hoverOf)).toEqual([
      "All commitments, 2024-Q1: Promised €100.00 to date (€100.00 in the period)",
      "All commitments, 2024-Q2: Promised €100.00 to date (€0.00 in the period)",
      "All commitments, 2024-Q1: Delivered €0.00 to date (€0.00 in the period)",
      "All commitments, 2024-Q2: Delivered €40.00 to date (€40.00 in the period)",
    ]);
  });

  it("draws promised dashed and delivered solid, and bars promised light and delivered full", () => {
    const lines = render(input(seriesOf([twoQuarters])));
    const [promised, delivered] = [byClass(lines, "promised"), byClass(lines, "delivered")].map(
      (found) => found.find((e) => e.name === "polyline") as XmlElement,
    );
    expect(promised?.attributes["stroke-dasharray"]).toBe("6 4");
    expect(delivered?.attributes["stroke-dasharray"]).toBeUndefined();

    const bars = render(input(seriesOf([twoQuarters]), { kind: "bars" }));
    const rects = byClass(bars, "point");
    expect(rects.map((r) => r.name)).toEqual(["rect", "rect", "rect", "rect"]);
    expect(byClass(bars, "promised").every((r) => r.attributes["fill-opacity"] === "0.35")).toBe(true);
    expect(byClass(bars, "delivered").every((r) => r.attributes["fill-opacity"] === undefined)).toBe(true);
    // The bars' hover texts lead with the period's figure.
    expect(hoverOf(rects[1] as XmlElement)).toBe(
      "All commitments, 2024-Q1: Delivered €0.00 in the period (€0.00 to date)",
    );
  });

  it("writes the source, the moment and the dataset version in the footer", () => {
    const svg = render(input(seriesOf([twoQuarters])));
    expect(byClass(svg, "chart-source").map(textOf)).toEqual([
      "Source: Commitments tracker — promised vs delivered; sources per record at https://example.org/",
    ]);
    expect(byClass(svg, "chart-meta").map(textOf)).toEqual(["As of 2025-06-30 · dataset version 7"]);
  });

  it("labels the amount axis in compact amounts", () => {
    const big: ChartGroup = {
      key: "all",
      label: "All commitments",
      points: [point("2024", ["1200000000.00", "350000000.00", "1200000000.00", "350000000.00"])],
    };
    const all = texts(render(input(seriesOf([big], { interval: "year" }))));
    expect(all).toContain("€1.2\u00a0bn");
    expect(all).toContain("0");
  });
});

describe("renderSeriesChart: negative figures (reversals and decommitments)", () => {
  // A decommitment of 20 and a reversed disbursement of 40 in the second quarter.
  const reversed: ChartGroup = {
    key: "all",
    label: "All commitments",
    points: [
      point("2024-Q1", ["100.00", "60.00", "100.00", "60.00"]),
      point("2024-Q2", ["-20.00", "-40.00", "80.00", "20.00"]),
    ],
  };
  const zeroLine = (svg: XmlElement) =>
    findAll(
      byClass(svg, "axes")[0] as XmlElement,
      (e) => e.name === "line" && e.attributes.y1 === e.attributes.y2 && e.attributes.stroke === "#767676",
    );

  it("draws a negative bar down from the zero line, on an axis that goes below zero", () => {
    const svg = render(input(seriesOf([reversed]), { kind: "bars" }));
    const [zero] = zeroLine(svg);
    const y0 = Number(zero?.attributes.y1);
    const axis = findAll(byClass(svg, "axes")[0] as XmlElement, (e) => e.name === "text").map(textOf);
    expect(axis).toContain("0");
    expect(axis.some((label) => label.startsWith("-€"))).toBe(true);
    const bars = byClass(svg, "point").filter((e) => e.name === "rect");
    const [q2Promised, q2Delivered] = bars.filter((e) => hoverOf(e).includes("2024-Q2"));
    for (const bar of [q2Promised, q2Delivered] as XmlElement[]) {
      expect(Number(bar.attributes.y)).toBeCloseTo(y0, 1);
      expect(Number(bar.attributes.height)).toBeGreaterThan(0);
    }
    // Twice the decommitment, drawn twice as deep, to the tenth of a pixel coordinates are printed with.
    expect(Number(q2Delivered?.attributes.height)).toBeCloseTo(2 * Number(q2Promised?.attributes.height), 0);
    const q1Delivered = bars.find((e) => hoverOf(e).startsWith("All commitments, 2024-Q1: Delivered"));
    // Coordinates are printed to a tenth of a pixel: the bar's end may round a tenth away from the line.
    expect(
      Math.abs(Number(q1Delivered?.attributes.y) + Number(q1Delivered?.attributes.height) - y0),
    ).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(hoverOf(q2Delivered as XmlElement)).toBe(
      "All commitments, 2024-Q2: Delivered -€40.00 in the period (€20.00 to date)",
    );
  });

  it("draws a cumulative line that falls after a reversal, every point inside the plot", () => {
    const svg = render(input(seriesOf([reversed])));
    const delivered = byClass(svg, "delivered").find((e) => e.name === "polyline") as XmlElement;
    const ys = (delivered.attributes.points ?? "").split(" ").map((p) => Number(p.split(",")[1]));
    // SVG y grows downwards: from 60 to 20 the line goes down the picture.
    expect(ys[1]).toBeGreaterThan(ys[0] as number);
    const [zero] = zeroLine(svg);
    expect(ys.every((y) => y <= Number(zero?.attributes.y1))).toBe(true);
    expect(textOf(child(svg, "desc") as XmlElement)).toBe(
      "To 2024-Q2, in total: All commitments — promised €80.00, delivered €20.00.",
    );
  });

  it("keeps the axis sane when a group is below zero throughout", () => {
    const below: ChartGroup = {
      key: "all",
      label: "All commitments",
      points: [point("2024-Q1", ["0.00", "-5.00", "0.00", "-5.00"])],
    };
    const svg = render(input(seriesOf([below]), { kind: "bars" }));
    const axis = findAll(byClass(svg, "axes")[0] as XmlElement, (e) => e.name === "text").map(textOf);
    expect(axis).toContain("0");
    expect(axis).toContain("-€5");
    const [zero] = zeroLine(svg);
    const bar = byClass(svg, "delivered").find((e) => e.name === "rect") as XmlElement;
    expect(Number(bar.attributes.y)).toBeCloseTo(Number(zero?.attributes.y1), 1);
  });
});

describe("renderSeriesChart: the same input, the same bytes", () => {
  it("is deterministic", () => {
    const i = input(seriesOf([twoQuarters]), { kind: "bars", lang: "uk" });
    expect(renderSeriesChart(i)).toBe(renderSeriesChart(structuredClone(i)));
  });

  it("derives every id from idPrefix, so two charts on one page do not clash, and every reference resolves", () => {
    const synthetic: ChartGroup = {
      ...twoQuarters,
      points: [point("2024-Q1", ["1.00", "1.00", "1.00", "1.00"], { promised: { synthetic: 1 } })],
    };
    const idsOf = (prefix: string) => {
      const svg = render(input(seriesOf([synthetic]), { kind: "bars", idPrefix: prefix }));
      const ids = findAll(svg, (e) => e.attributes.id !== undefined).map((e) => e.attributes.id as string);
      const references = findAll(svg, (e) => (e.attributes.fill ?? "").startsWith("url(#")).map((e) =>
        (e.attributes.fill as string).slice(5, -1),
      );
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references) expect(ids).toContain(reference);
      return ids;
    };
    const first = idsOf("left");
    const second = idsOf("right");
    expect(first.every((id) => id.startsWith("left-"))).toBe(true);
    expect(first.filter((id) => second.includes(id))).toEqual([]);
    expect(new Set(first).size).toBe(first.length);
    // An unsafe prefix is made safe rather than breaking url(#…).
    expect(idsOf('9 bad"prefix').every((id) => id.startsWith("c-9-bad-prefix-"))).toBe(true);
  });
});

describe("renderSeriesChart: hostile text", () => {
  it("escapes labels, titles and sources, so they stay text", () => {
    const hostile = `<script>alert("x")</script> & 'co' ]]>`;
    const svg = render(
      input(seriesOf([{ ...twoQuarters, key: "x", label: hostile }], { groupBy: "donor" }), {
        title: `Title & <b>"bold"</b>`,
        subtitle: "it's <i>",
        source: `"quoted" & <a href="javascript:alert(1)">`,
        idPrefix: `"><script>`,
      }),
    );
    expect(findAll(svg, (e) => ["script", "b", "i", "a"].includes(e.name))).toEqual([]);
    expect(byClass(svg, "legend").map(textOf).join("")).toContain(hostile);
    expect(textOf(child(svg, "title") as XmlElement)).toBe(`Title & <b>"bold"</b>. it's <i>`);
    expect(byClass(svg, "chart-source").map(textOf).join(" ")).toContain(
      `"quoted" & <a href="javascript:alert(1)">`,
    );
    expect(byClass(svg, "point").map(hoverOf)[0]).toContain(hostile);
  });
});

describe("renderSeriesChart: flags on the chart itself", () => {
  const flagged: ChartGroup = {
    key: "all",
    label: "All commitments",
    points: [
      point("2024-Q1", ["100.00", "0.00", "100.00", "0.00"], { promised: { synthetic: 2 } }),
      point("2024-Q2", ["0.00", "40.00", "100.00", "40.00"], { delivered: { estimated: 1, disputed: 3 } }),
    ],
  };

  it("draws synthetic points hollow, with a legend entry and the banner", () => {
    const svg = render(input(seriesOf([flagged])));
    const synthetic = byClass(svg, "synthetic");
    expect(synthetic).toHaveLength(1);
    expect(synthetic[0]?.attributes).toMatchObject({ class: "point promised synthetic", fill: "#ffffff" });
    expect(hoverOf(synthetic[0] as XmlElement)).toBe(
      "All commitments, 2024-Q1: Promised €100.00 to date (€100.00 in the period); synthetic: 2",
    );
    expect(byClass(svg, "legend-synthetic")).toHaveLength(1);
    expect(byClass(svg, "legend").map(textOf).join("|")).toContain("Synthetic demo figures in the period");
    expect(byClass(svg, "synthetic-banner").map(textOf)).toEqual(["Synthetic demo data — not real figures"]);
  });

  it("marks estimated figures with ~ and disputed ones with !, each explained in the legend", () => {
    const svg = render(input(seriesOf([flagged])));
    expect(byClass(svg, "mark-estimated").map(textOf)).toEqual(["~"]);
    expect(byClass(svg, "mark-disputed").map(textOf)).toEqual(["!"]);
    const legend = byClass(svg, "legend").map(textOf).join("|");
    expect(legend).toContain("Estimated figures in the period");
    expect(legend).toContain("Disputed figures in the period");
    const marked = byClass(svg, "disputed");
    expect(marked.map((e) => e.attributes.class)).toEqual(["point delivered estimated disputed"]);
    expect(hoverOf(marked[0] as XmlElement)).toContain("; estimated: 1, disputed: 3");
  });

  it("hatches synthetic bars with a pattern of their group's colour", () => {
    const svg = render(input(seriesOf([flagged]), { kind: "bars" }));
    const [bar] = byClass(svg, "synthetic");
    expect(bar?.name).toBe("rect");
    expect(bar?.attributes.fill).toBe("url(#chart-hatch-0-promised)");
    const patterns = findAll(svg, (e) => e.name === "pattern").map((e) => e.attributes.id);
    expect(patterns).toEqual(["chart-hatch-legend", "chart-hatch-0-promised"]);
    expect(byClass(svg, "legend-synthetic")[0]?.children[0]).toMatchObject({
      name: "rect",
      attributes: { fill: "url(#chart-hatch-legend)" },
    });
  });

  it("marks nothing and explains nothing that does not occur, and works without flags at all", () => {
    const clean: ChartGroup = {
      ...twoQuarters,
      points: twoQuarters.points.map((p) => ({ ...p, flags: { promised: none, delivered: none } })),
    };
    for (const group of [clean, twoQuarters]) {
      const svg = render(input(seriesOf([group])));
      for (const name of [
        "synthetic",
        "mark-estimated",
        "mark-disputed",
        "legend-synthetic",
        "legend-estimated",
        "legend-disputed",
        "synthetic-banner",
      ]) {
        expect(byClass(svg, name)).toEqual([]);
      }
    }
  });
});

describe("renderSeriesChart: in Ukrainian", () => {
  it("draws every word in Ukrainian", () => {
    const flagged: ChartGroup = {
      ...twoQuarters,
      points: [
        point("2024-Q1", ["1500000.00", "0.00", "1500000.00", "0.00"], {
          promised: { synthetic: 1, estimated: 1, disputed: 1 },
        }),
      ],
    };
    const svg = render(input(seriesOf([flagged]), { lang: "uk", title: "Обіцяно і поставлено" }));
    expect(svg.attributes.lang).toBe("uk");
    const legend = byClass(svg, "legend").map(textOf).join("|");
    for (const word of [
      "Усі зобов’язання",
      "Обіцяно",
      "Поставлено",
      "Синтетичні демонстраційні цифри в періоді",
      "Оцінкові цифри в періоді",
      "Оскаржені цифри в періоді",
    ]) {
      expect(legend).toContain(word);
    }
    expect(byClass(svg, "synthetic-banner").map(textOf)).toEqual([
      "Синтетичні демонстраційні дані — не реальні цифри",
    ]);
    expect(byClass(svg, "chart-meta").map(textOf)).toEqual(["Станом на 2025-06-30 · версія набору даних 7"]);
    expect(byClass(svg, "chart-source").map(textOf)[0]?.startsWith("Джерело: ")).toBe(true);
    expect(byClass(svg, "period").map(textOf)).toEqual(["1\u00a0кв.\u00a02024"]);
    // One scale for the whole axis: 0,25 млн € … 1,50 млн €.
    expect(texts(svg)).toContain("1,50\u00a0млн\u00a0€");
    expect(textOf(child(svg, "desc") as XmlElement)).toBe(
      "Загалом до 1\u00a0кв.\u00a02024: Усі зобов’язання — обіцяно 1\u00a0500\u00a0000,00\u00a0€, поставлено 0,00\u00a0€.",
    );
  });

  it("uses the names it is given for groups whose labels are in English", () => {
    const donors = seriesOf(
      [
        { ...twoQuarters, key: "DE", label: "Germany" },
        { ...twoQuarters, key: "PL", label: "Poland" },
      ],
      { groupBy: "donor" },
    );
    const svg = render(input(donors, { lang: "uk", groupLabels: { DE: "Німеччина" } }));
    const legend = byClass(svg, "legend").map(textOf).join("|");
    expect(legend).toContain("Німеччина");
    // A name not given stays as the series has it.
    expect(legend).toContain("Poland");
  });
});

describe("renderSeriesChart: no figures", () => {
  it("says so, still with the title and the footer", () => {
    for (const [lang, message, meta] of [
      ["en", "No figures for this selection", "As of 2025-06-30 · dataset version 7"],
      ["uk", "Немає даних для цього вибору", "Станом на 2025-06-30 · версія набору даних 7"],
    ] as const) {
      for (const groups of [[], [{ ...twoQuarters, points: [] }]]) {
        const svg = render(input(seriesOf(groups), { lang }));
        expect(byClass(svg, "no-figures").map(textOf)).toEqual([message]);
        expect(byClass(svg, "chart-meta").map(textOf)).toEqual([meta]);
        expect(byClass(svg, "chart-title").map(textOf)).toEqual(["Promised and delivered"]);
        expect(textOf(child(svg, "desc") as XmlElement)).toBe(`${message}.`);
        expect(byClass(svg, "point")).toEqual([]);
        expect(byClass(svg, "legend")).toEqual([]);
      }
    }
  });
});

describe("renderSeriesChart: many groups, many periods, small sizes", () => {
  it("keeps a colour for the six largest groups and adds up the rest exactly as Other", () => {
    const donors = ["AT", "BE", "CZ", "DE", "EE", "FI", "GB", "HU", "IT"].map((key, i) => ({
      key,
      label: `Donor ${key}`,
      points: [point("2024", ["0.10", "0.10", `${i + 1}.10`, "0.20"])],
    }));
    const svg = render(input(seriesOf(donors, { groupBy: "donor", interval: "year" })));
    const legend = findAll(byClass(svg, "legend")[0] as XmlElement, (e) => e.name === "text").map(textOf);
    // In the API's order; the three smallest by their latest cumulative promise make up Other.
    expect(legend.slice(0, 7)).toEqual([
      "Donor DE",
      "Donor EE",
      "Donor FI",
      "Donor GB",
      "Donor HU",
      "Donor IT",
      "Other (3)",
    ]);
    // AT, BE and CZ are the smallest: 1.10 + 2.10 + 3.10, exactly; 0.20 three times.
    expect(textOf(child(svg, "desc") as XmlElement)).toContain(
      "Other (3) — promised €6.30, delivered €0.60.",
    );
  });

  it("never adds up groups in different currencies", () => {
    const groups = ["CAD", "CHF", "DKK", "EUR", "GBP", "JPY", "NOK", "SEK"].map((currency) => ({
      key: "all",
      label: "All commitments",
      currency,
      points: [point("2024", ["1", "1", "1", "1"])],
    }));
    const svg = render(input(seriesOf(groups, { currency: null, conversion: null, interval: "year" })));
    expect(byClass(svg, "point")).toHaveLength(16);
    expect(byClass(svg, "legend").map(textOf).join("|")).toContain("All commitments (SEK)");
    expect(byClass(svg, "legend").map(textOf).join("|")).not.toContain("Other");
  });

  it("thins period labels to round periods that fit", () => {
    const months: ChartPoint[] = [];
    for (let i = 0; i < 48; i++) {
      const period = `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
      months.push(point(period, ["1", "1", String(i + 1), String(i + 1)]));
    }
    const svg = render(input(seriesOf([{ ...twoQuarters, points: months }], { interval: "month" })));
    const shown = byClass(svg, "period");
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(48);
    const xs = shown.map((e) => Number(e.attributes.x));
    const gaps = xs.slice(1).map((x, i) => x - (xs[i] as number));
    // "2022-01" at 11 px is about 50 px wide.
    expect(Math.min(...gaps)).toBeGreaterThan(50);
    expect(shown.map(textOf)[0]).toBe("2022-01");
    expect(shown.map(textOf).every((label) => ["01", "04", "07", "10"].includes(label.slice(5)))).toBe(true);
  });

  it("lays a small chart out larger and scales it down, the asked size kept", () => {
    const svg = render(input(seriesOf([twoQuarters]), { width: 320, height: 200 }));
    expect([svg.attributes.width, svg.attributes.height]).toEqual(["320", "200"]);
    const [, , w, h] = (svg.attributes.viewBox ?? "").split(" ").map(Number);
    expect(w).toBeGreaterThan(320);
    expect((w as number) / (h as number)).toBeCloseTo(320 / 200, 2);
  });
});

describe("renderSeriesChart: long series", () => {
  /** Every month of the tracker's domain, 1900 to 2199, given out of order. */
  const months = Array.from({ length: 3600 }, (_, i) => {
    const index = 1900 * 12 + ((i * 7) % 3600);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });

  it("draws 3,600 months in calendar order, the axis from 1900 to 2199", () => {
    const group: ChartGroup = {
      key: "all",
      label: "All commitments",
      points: months.map((m, i) => point(m, ["1", "0", String(i + 1), "0"])),
    };
    const svg = render(input(seriesOf([group], { interval: "month" }), { kind: "bars", width: 2400 }));
    const periods = byClass(svg, "period").map(textOf);
    // Labelled on Januaries of round years, in order, across the three centuries.
    expect(periods[0]).toBe("1900-01");
    expect(periods.every((p) => p.endsWith("-01"))).toBe(true);
    const years = periods.map((p) => Number(p.slice(0, 4)));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years.at(-1)).toBeGreaterThanOrEqual(2150);
    expect(byClass(svg, "point")).toHaveLength(7200);
  });
});
