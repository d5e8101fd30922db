import {
  type ChartKind,
  type ChartLang,
  type ChartSeries,
  categoryName,
  chartSubtitle,
  labels,
  renderSeriesChart,
} from "@commitments/charts";
import { byClass, parseXml, textOf, type XmlElement } from "@commitments/charts/test/xml";
import { categories, label } from "@commitments/core";
import { commitmentEntity, createRecords, eventEntity, withChangeSet } from "@commitments/db";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { pngSize } from "../../../test/png.ts";
import { expectError, testTargets, useApp } from "../../../test/testing.ts";
import type { SeriesData } from "../../schemas/series.ts";

/*
 * Charts: the server draws the numbers of GET /v1/series with the function the web page draws with, so a chart
 * the web draws from the JSON is byte for byte the server's SVG; the PNG is that SVG rasterised at the size asked;
 * the embed page holds the very same SVG, has no script and may be framed anywhere.
 */

// Test fixtures, not real figures.
const sources = [{ title: "Chart fixture, not a real figure", kind: "research" as const }];
const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });
const commitment = (id: string, donor: string, category: string, measure: object, synthetic: boolean) => ({
  id,
  donor,
  recipient: "UA",
  title: `Chart test line ${id}`,
  category,
  measure,
  measureBasis: "total" as const,
  conditions: [],
  sources,
  synthetic,
});
const event = (
  id: string,
  line: string,
  stage: "committed" | "delivered",
  date: string,
  measure: object,
  o: { synthetic: boolean; confidence?: "estimated" },
) => ({
  id,
  commitment: line,
  stage,
  date,
  measure,
  confidence: o.confidence ?? ("reported_by_donor" as const),
  sources,
  synthetic: o.synthetic,
});

// biome-ignore lint/suspicious/noExplicitAny: test reads of untyped responses
type Json = any;

const child = (e: XmlElement, name: string) =>
  e.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);
const descOf = (svg: string) => textOf(child(parseXml(svg), "desc") as XmlElement);

describe("the chart's input", () => {
  it("is the data of GET /v1/series as the API types it", () => {
    // Checked by the type checker: the web passes the response it fetched, as it is.
    expectTypeOf<z.infer<typeof SeriesData>>().toExtend<ChartSeries>();
  });
});

describe("the charts' words", () => {
  it("name categories as packages/core does, in both languages", () => {
    for (const category of categories) {
      expect(categoryName(category.id, "en")).toBe(category.label);
      expect(categoryName(category.id, "uk")).toBe(label("category", category.id, "uk"));
      expect(categoryName(category.id, "uk")).not.toBe(category.id);
    }
  });
});

describe.each(testTargets())("charts on $name", (target) => {
  const ctx = useApp(target);
  let asOf = "";
  beforeAll(async () => {
    await withChangeSet(ctx.database.db, { actor: "test", origin: "api" }, async (tx, cs) => {
      await createRecords(tx, cs, commitmentEntity, [
        commitment("test-chart-li", "LI", "air_defence", eur("1000"), true),
        commitment("test-chart-ch", "CH", "humanitarian", eur("500"), false),
        commitment(
          "test-chart-drones",
          "LI",
          "drones",
          { kind: "quantity", count: "100", unit: "systems", item: "Test drone" },
          true,
        ),
      ] as never);
      await createRecords(tx, cs, eventEntity, [
        event("test-chart-li-1", "test-chart-li", "committed", "2024-02-10", eur("100"), { synthetic: true }),
        event("test-chart-li-2", "test-chart-li", "delivered", "2024-05-02", eur("40"), {
          synthetic: true,
          confidence: "estimated",
        }),
        event("test-chart-ch-1", "test-chart-ch", "committed", "2024-03-01", eur("250"), {
          synthetic: false,
        }),
        event(
          "test-chart-drones-1",
          "test-chart-drones",
          "delivered",
          "2024-04",
          { kind: "quantity", count: "12", unit: "systems", item: "Test drone" },
          { synthetic: true },
        ),
      ] as never);
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // A fixed moment: every chart of these tests shows the same date, so bytes can be compared.
    asOf = new Date().toISOString();
  });

  const get = (path: string, query: Record<string, string>, headers: Record<string, string> = {}) =>
    ctx.app.request(`${path}?${new URLSearchParams(query)}`, { headers });

  it("draws the numbers of GET /v1/series: the web's chart of the JSON is the server's SVG, byte for byte", async () => {
    const cases: { kind: ChartKind; lang: ChartLang; query: Record<string, string> }[] = [
      { kind: "cumulative", lang: "en", query: {} },
      { kind: "bars", lang: "en", query: { groupBy: "donor", interval: "year" } },
      { kind: "cumulative", lang: "uk", query: { groupBy: "category", interval: "quarter" } },
      { kind: "bars", lang: "uk", query: { measure: "quantity", interval: "quarter" } },
    ];
    for (const { kind, lang, query } of cases) {
      const seriesQuery = { ...query, asOf };
      const response = await get("/v1/series", seriesQuery);
      expect(response.status).toBe(200);
      const { data, meta } = (await response.json()) as Json;
      expect(data.groups.length).toBeGreaterThan(0);
      const svg = await get("/v1/charts/series.svg", {
        ...seriesQuery,
        chart: kind,
        lang,
        title: "Test chart",
      });
      expect(svg.status, await svg.clone().text()).toBe(200);
      const drawnByTheWeb = renderSeriesChart({
        series: data,
        meta,
        kind,
        lang,
        title: "Test chart",
        subtitle: chartSubtitle(data, kind, lang),
        source: labels[lang].trackerSource(
          `http://localhost/v1/exports/records.csv?${new URLSearchParams({ asOf })}`,
        ),
      });
      expect(await svg.text()).toBe(drawnByTheWeb);
    }
  });

  it("sums up the latest cumulative figures of the series in <desc>, and titles the chart from the filters", async () => {
    const query = { donor: "LI", interval: "quarter", asOf };
    const { data, meta } = (await (await get("/v1/series", query)).json()) as Json;
    const last = data.groups[0].points.at(-1);
    expect([last.period, last.cumulativePromised, last.cumulativeDelivered]).toEqual([
      "2024-Q2",
      "100.00",
      "40.00",
    ]);

    const en = await (await get("/v1/charts/series.svg", query)).text();
    expect(descOf(en)).toBe("To 2024-Q2, in total: All commitments — promised €100.00, delivered €40.00.");
    const svg = parseXml(en);
    expect(byClass(svg, "chart-title").map(textOf)).toEqual(["Promised and delivered: Liechtenstein"]);
    expect(byClass(svg, "chart-meta").map(textOf)).toEqual([
      `As of ${asOf.slice(0, 10)} · dataset version ${meta.datasetVersion}`,
    ]);
    // The fixtures are synthetic, and one delivery is an estimate: the chart says so on itself.
    expect(byClass(svg, "synthetic-banner").map(textOf)).toEqual(["Synthetic demo data — not real figures"]);
    expect(byClass(svg, "mark-estimated").map(textOf)).toEqual(["~"]);

    const uk = parseXml(await (await get("/v1/charts/series.svg", { ...query, lang: "uk" })).text());
    expect(byClass(uk, "chart-title").map(textOf)).toEqual(["Обіцяно і поставлено: Ліхтенштейн"]);
    expect(textOf(child(uk, "desc") as XmlElement)).toBe(
      "Загалом до 2\u00a0кв.\u00a02024: Усі зобов’язання — обіцяно 100,00\u00a0€, поставлено 40,00\u00a0€.",
    );
  });

  it("names donors in the chart's language", async () => {
    const svg = parseXml(
      await (
        await get("/v1/charts/series.svg", { groupBy: "donor", category: "air_defence", lang: "uk", asOf })
      ).text(),
    );
    expect(byClass(svg, "chart-title").map(textOf)).toEqual([
      "Обіцяно і поставлено: Протиповітряна оборона, за донорами",
    ]);
    expect(byClass(svg, "legend").map(textOf).join("|")).toContain("Ліхтенштейн");
  });

  it("names an agreement by its short title in the chart's language", async () => {
    const query = { agreement: "uk-ukraine-security-cooperation-2024", asOf };
    const en = parseXml(await (await get("/v1/charts/series.svg", query)).text());
    expect(byClass(en, "chart-title").map(textOf).join("")).toContain("UK–Ukraine 2024");
    const uk = parseXml(await (await get("/v1/charts/series.svg", { ...query, lang: "uk" })).text());
    expect(byClass(uk, "chart-title").map(textOf).join("")).toContain("Велика Британія — Україна 2024");
    expect(byClass(uk, "chart-title").map(textOf).join("")).not.toContain("UK–Ukraine");
  });

  it("answers SVG with its content type, file name, validators and caching", async () => {
    const now = await get("/v1/charts/series.svg", { groupBy: "donor" });
    expect(now.status).toBe(200);
    expect(now.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(now.headers.get("content-disposition")).toMatch(
      /^inline; filename="commitments-tracker-chart-cumulative-by-donor-v\d+\.svg"$/,
    );
    expect(now.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=600");
    expect(now.headers.get("x-dataset-version")).toMatch(/^\d+$/);
    // Other sites may show the image, and their scripts read what it shows.
    expect(now.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(now.headers.get("access-control-expose-headers")?.split(",")).toEqual(
      expect.arrayContaining(["ETag", "Content-Disposition", "X-Dataset-Version", "X-As-Of"]),
    );
    const etag = now.headers.get("etag") ?? "";
    expect(etag).toMatch(new RegExp(`^"v${now.headers.get("x-dataset-version")}-[A-Za-z0-9_-]+"$`));

    const again = await get("/v1/charts/series.svg", { groupBy: "donor" }, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await get("/v1/charts/series.svg", { groupBy: "category" }, { "if-none-match": etag });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);

    const past = await get("/v1/charts/series.svg", { asOf });
    expect(past.headers.get("cache-control")).toBe("public, max-age=3600, stale-while-revalidate=86400");
    expect(past.headers.get("x-as-of")).toBe(asOf);
  });

  it("answers a real PNG of the size asked, rasterised from the same SVG", async () => {
    const query = { donor: "LI", asOf, width: "640", height: "360", chart: "bars" };
    const response = await get("/v1/charts/series.png", query);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toMatch(
      /^inline; filename="commitments-tracker-chart-bars-li-v\d+\.png"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(pngSize(bytes)).toEqual({ width: 640, height: 360 });
    // Not a blank image: the chart's marks are in it (a blank 640 × 360 PNG compresses to well under 1 kB).
    expect(bytes.length).toBeGreaterThan(5_000);

    const svg = await get("/v1/charts/series.svg", query);
    expect(response.headers.get("etag")).not.toBe(svg.headers.get("etag"));
    const again = await get("/v1/charts/series.png", query, {
      "if-none-match": response.headers.get("etag") ?? "",
    });
    expect(again.status).toBe(304);
  });

  it("embeds the same SVG in a page with no script that any site may frame", async () => {
    const query = { donor: "LI", interval: "quarter", lang: "uk", asOf };
    const response = await get("/embed/series", query);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-frame-options")).toBeNull();
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp.split("; ").sort()).toEqual(
      ["default-src 'none'", "frame-ancestors *", "img-src 'self' data:", "style-src 'unsafe-inline'"].sort(),
    );
    const html = await response.text();
    expect(html.toLowerCase()).not.toContain("<script");
    expect(html.toLowerCase()).not.toMatch(/\son[a-z]+=/);
    expect(html).toContain('<html lang="uk">');

    const svg = await (await get("/v1/charts/series.svg", query)).text();
    const start = html.indexOf("<svg ");
    const end = html.indexOf("</svg>") + "</svg>\n".length;
    expect(html.slice(start, end)).toBe(svg);

    const search = new URLSearchParams(query).toString();
    expect(html).toContain(
      `<a href="/?view=chart&amp;${search.replaceAll("&", "&amp;")}" target="_top">Відкрити цей графік у трекері</a>`,
    );
    expect(html).toContain(`Станом на ${asOf.slice(0, 10)}`);
    expect(html).toMatch(/версія набору даних \d+/);

    // A notes line saying what the stages drawn count, the chart's description as text, and the data behind it.
    expect(html).toContain("Примітки:");
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? "";
    expect(desc.length).toBeGreaterThan(10);
    expect(html).toContain(`<p class="chart-notes" id="chart-description">${desc}</p>`);
    const dataQuery = new URLSearchParams(query);
    dataQuery.delete("lang");
    expect(html).toContain(
      `<a href="/v1/exports/series.csv?${dataQuery.toString().replaceAll("&", "&amp;")}" target="_top">Отримати дані (CSV)</a>`,
    );
    // Themes: the page's and its chart's, the chart the image route draws in that theme (with `auto`, both
    // drawings, the reader's setting choosing); anything else is refused naming the field.
    const dark = await (await get("/embed/series", { ...query, theme: "dark" })).text();
    expect(dark).toContain("background:#121212");
    const darkSvg = await (await get("/v1/charts/series.svg", { ...query, theme: "dark" })).text();
    expect(darkSvg).not.toBe(svg);
    expect(darkSvg).toContain('fill="#121212"');
    expect(dark.slice(dark.indexOf("<svg "), dark.indexOf("</svg>") + "</svg>\n".length)).toBe(darkSvg);
    const auto = await (await get("/embed/series", { ...query, theme: "auto" })).text();
    expect(auto).toContain("prefers-color-scheme: dark");
    const autoSvg = await (await get("/v1/charts/series.svg", { ...query, theme: "auto" })).text();
    expect(autoSvg).toContain('<svg class="reader-dark" aria-hidden="true"');
    expect(auto.slice(auto.indexOf("<svg "), auto.lastIndexOf("</svg>") + "</svg>\n".length)).toBe(autoSvg);
    const png = await get("/v1/charts/series.png", { ...query, theme: "auto" });
    expect(JSON.stringify(await expectError(png, 400))).toContain('"theme"');
    const refused = await get("/embed/series", { ...query, theme: "sepia" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("theme");

    // Every other route keeps the app's headers.
    const health = await ctx.app.request("/v1/health");
    expect(health.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(health.headers.get("cross-origin-resource-policy")).toBe("same-origin");
  });

  it("refuses bad parameters with the error contract, naming the field", async () => {
    const field = async (path: string, query: string) =>
      (await expectError(await ctx.app.request(`${path}?${query}`), 400)).details?.[0]?.path;
    for (const path of ["/v1/charts/series.svg", "/v1/charts/series.png", "/embed/series"]) {
      expect(await field(path, "chart=pie")).toBe("chart");
      expect(await field(path, "width=100")).toBe("width");
      expect(await field(path, "width=wide")).toBe("width");
      expect(await field(path, "height=5000")).toBe("height");
      expect(await field(path, "lang=fr")).toBe("lang");
      expect(await field(path, `title=${"x".repeat(201)}`)).toBe("title");
      expect(await field(path, "colour=red")).toBe("colour");
      // The series' own checks, as GET /v1/series makes them.
      expect(await field(path, "measure=money&unit=systems")).toBe("unit");
    }
  });
});
