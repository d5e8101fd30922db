/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser.)
import { readFile } from "node:fs/promises";
import { createClient } from "@commitments/api/client";
import type { Download, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAdmin, createWriteToken, type RunningServer } from "../server.ts";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";

/*
 * The reporter's journey: open the dashboard's chart, change its filters, copy its URL, download it as PNG, SVG
 * and CSV, and embed it. The numbers must be the API's, and the page, the downloads, the server's image and the
 * embed must be one picture.
 */

const source = { title: "Synthetic demo data written by the reporter test", kind: "synthetic" as const };
const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });

/** Two donors' synthetic lines with figures across three years, one of them estimated. */
async function writeFigures(server: RunningServer) {
  const token = await createWriteToken(server.url);
  const client = createClient(server.url, { headers: { Authorization: `Bearer ${token}` } });
  const lines = [
    { id: "reporter-de-air-defence", donor: "DE", amount: "3000000000", category: "air_defence" },
    { id: "reporter-pl-ammunition", donor: "PL", amount: "800000000", category: "ammunition" },
  ] as const;
  for (const line of lines) {
    const created = await client.v1.commitments.$post({
      header: {},
      json: {
        id: line.id,
        donor: line.donor,
        recipient: "UA",
        title: `Synthetic demo: ${line.category.replace("_", " ")} from ${line.donor}`,
        category: line.category,
        measure: eur(line.amount),
        measureBasis: "total",
        sources: [source],
        synthetic: true,
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
  }
  const events = [
    { commitment: "reporter-de-air-defence", stage: "committed", date: "2023-02", amount: "3000000000" },
    { commitment: "reporter-de-air-defence", stage: "delivered", date: "2023-09-12", amount: "750000000" },
    { commitment: "reporter-de-air-defence", stage: "delivered", date: "2024-05", amount: "1250000000.5" },
    { commitment: "reporter-pl-ammunition", stage: "committed", date: "2023-06", amount: "800000000" },
    {
      commitment: "reporter-pl-ammunition",
      stage: "delivered",
      date: "2025-01",
      amount: "300000000",
      confidence: "estimated",
    },
  ] as const;
  for (const { amount, confidence, ...event } of events.map((e) => ({ confidence: undefined, ...e }))) {
    const response = await client.v1.events.$post({
      header: {},
      json: {
        ...event,
        measure: eur(amount),
        confidence: confidence ?? "reported_by_donor",
        sources: [source],
        synthetic: true,
      },
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
}

/** The chart's SVG as the browser's own serialiser writes it, so two copies compare whatever their quoting. */
function normalisedSvg(page: Page, markup: string): Promise<string> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return new XMLSerializer().serializeToString(doc.documentElement);
  }, markup);
}

async function shownSvg(page: Page): Promise<string> {
  const svg = page.locator(".chart svg");
  await svg.waitFor();
  return page.evaluate(() => {
    const element = document.querySelector(".chart svg");
    return element ? new XMLSerializer().serializeToString(element) : "";
  });
}

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** RFC 4180 rows: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe.skipIf(!hasChromium)("a reporter takes a chart away, in Chromium", () => {
  const app = useServerAndBrowser({}, { beforeStart: (dataDir) => createAdmin(dataDir) });

  it("changes filters, copies the URL, downloads PNG, SVG and CSV with the API's numbers, and embeds it", async () => {
    await writeFigures(app.server);
    const context = await app.browser.newContext({
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(app.server.url).origin,
    });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByRole("heading", { level: 1, name: "Promised and delivered" }).waitFor();
    await shownSvg(page);
    await checkPage(page, "dashboard");

    // Filters: bars per year, for Germany. Each change is in the URL.
    await page.getByLabel("Chart", { exact: true }).selectOption("bars");
    await page.getByLabel("Donor", { exact: true }).selectOption("DE");
    await page.getByLabel("Period", { exact: true }).selectOption("year");
    await expect.poll(() => new URL(page.url()).searchParams.get("interval")).toBe("year");
    const params = new URL(page.url()).searchParams;
    expect(params.get("chart")).toBe("bars");
    expect(params.get("donor")).toBe("DE");
    // The previous chart stays on screen until the new answer arrives: wait for the one asked for.
    await expect
      .poll(() => page.locator(".chart svg text.period").allTextContents())
      .toEqual(["2023", "2024"]);
    expect(await page.locator(".chart svg desc").textContent()).toMatch(/Germany/);
    const svgOnPage = await shownSvg(page);
    // The synthetic figures are marked on the chart itself.
    expect(svgOnPage).toContain("Synthetic demo data — not real figures");

    // The API's series for the same question: the totals on the page are its last cumulative figures.
    const question = new URLSearchParams({ groupBy: "donor", interval: "year", donor: "DE" });
    const api = (await (await fetch(`${app.server.url}v1/series?${question}`)).json()) as {
      data: { groups: { key: string; points: Record<string, string>[] }[] };
      meta: { datasetVersion: number; asOf: string };
    };
    const germany = api.data.groups.find((g) => g.key === "DE");
    expect(germany?.points.map((p) => p.period)).toEqual(["2023", "2024"]);
    expect(germany?.points.at(-1)?.cumulativeDelivered).toBe("2000000000.50");
    expect(await page.locator(".totals").textContent()).toContain("€3");

    // Copy the link: the clipboard holds the URL of this very view, which reopens the same chart.
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByText("Link copied").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByLabel("Link to this chart").inputValue());
    const reopened = await context.newPage();
    await reopened.goto(copied);
    expect(await shownSvg(reopened)).toBe(svgOnPage);

    // Downloads: the PNG and SVG are the server's drawing of the same question, the SVG the very picture shown.
    const [svgDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download SVG image" }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toMatch(/^commitments-tracker-chart-bars-by-donor-de-v\d+\.svg$/);
    const svgFile = (await saved(svgDownload)).toString("utf8");
    expect(await normalisedSvg(page, svgFile)).toBe(await normalisedSvg(page, svgOnPage));

    const [pngDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PNG image" }).click(),
    ]);
    const png = await saved(pngDownload);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(960);

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV data" }).click(),
    ]);
    const [header, ...rows] = parseCsv(
      (await saved(csvDownload)).toString("utf8").replace(/^\uFEFF/, ""),
    ).filter((row) => row.length > 1);
    const column = (name: string) => (header as string[]).indexOf(name);
    const germanRows = rows.filter((row) => row[column("group")] === "DE");
    expect(germanRows.map((row) => row[column("period")])).toEqual(germany?.points.map((p) => p.period));
    for (const [i, point] of (germany?.points ?? []).entries()) {
      const row = germanRows[i] as string[];
      expect(row[column("promised")]).toBe(point.promised);
      expect(row[column("delivered")]).toBe(point.delivered);
      expect(row[column("cumulative_promised")]).toBe(point.cumulativePromised);
      expect(row[column("cumulative_delivered")]).toBe(point.cumulativeDelivered);
      expect(row[column("synthetic")]).toBe("true");
    }

    // The embed: a script-free page of the same picture with its source line, date and dataset version.
    const embedCode = await page.getByLabel("Embed code").inputValue();
    const src = embedCode.match(/src="([^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
    expect(src).toMatch(/\/embed\/series\?/);
    const embed = await context.newPage();
    await embed.goto(src as string);
    const embedded = await embed.evaluate(() => {
      const element = document.querySelector("svg");
      return element ? new XMLSerializer().serializeToString(element) : "";
    });
    expect(await normalisedSvg(page, embedded)).toBe(await normalisedSvg(page, svgOnPage));
    const caption = await embed.locator("body").textContent();
    expect(caption).toContain(String(api.meta.datasetVersion));
    expect(await embed.locator("script").count()).toBe(0);
    await checkPage(embed, "embed");
    await checkPage(page, "dashboard-filtered");

    // The same link in Ukrainian, on a phone.
    const phone = await app.browser.newPage({ viewport: { width: 375, height: 740 } });
    await phone.goto(copied.replace("lang=en", "lang=uk"));
    await phone.getByRole("heading", { level: 1, name: "Обіцяно і поставлено" }).waitFor();
    expect(await shownSvg(phone)).toContain("Синтетичні демонстраційні дані");
    await checkPage(phone, "dashboard-uk-phone");
  });
});
