import { readFileSync } from "node:fs";
import { join } from "node:path";
import { label } from "@commitments/core/vocabulary";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../server.ts";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";

/*
 * A first start as a new user makes it, with the starter dataset (Kiel's Release 29, SIPRI's deals with Ukraine, the
 * ECB's rates) loaded through the import pipeline: the dashboard and Germany's page draw Kiel's real figures,
 * measured against the furthest stage Kiel reports (allocations), credit the Kiel Institute and its release, and
 * never say "€0 delivered" or "0 %" where Kiel reports no deliveries. One server for the whole file: the first
 * start imports every file.
 */

/** Germany's committed and allocated euros in Kiel's file, summed here from the raw rows (figures in € billion). */
function kielGermany(): { committed: bigint; allocated: bigint } {
  const file = join(repoRoot, "packages/reference/data/kiel-release-29/data_explorer.csv");
  const [header, ...rows] = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const columns = (header as string).split(",").map((c) => c.replaceAll('"', ""));
  const at = (name: string) => columns.indexOf(name);
  // Six decimals of a billion are thousands of euros: summed as integers, exactly.
  const euros = (cell: string | undefined) => BigInt(Math.round(Number(cell ?? "0") * 1e6)) * 1000n;
  let committed = 0n;
  let allocated = 0n;
  for (const row of rows) {
    const cells = row.split(",");
    if (cells[at("country")] !== '"Germany"') continue;
    committed += euros(cells[at("commitments")]);
    for (const kind of ["financial", "humanitarian", "military"]) allocated += euros(cells[at(kind)]);
  }
  return { committed, allocated };
}

const kielName = { en: label("sourceDataset", "kiel", "en"), uk: label("sourceDataset", "kiel", "uk") };
const stage = (id: "committed" | "allocated" | "delivered", lang: "en" | "uk") => label("stage", id, lang);

/** A share of nothing, or money nothing, as a page might print them: "0 %", "0%", "€0", "0 EUR". */
const zeroShare = /(?<![\d.,])0[\s\u00a0\u202f]?%/;
const zeroMoney = /€0(?![\d.,])|(?<![\d.,])0[\s\u00a0\u202f]EUR/;

async function chartShown(page: Page) {
  await page.locator(".chart svg").waitFor();
  await page.locator(".chart-panel .totals .source-totals").first().waitFor();
}

/** The page's own text, the chart's table included (it is folded away in a details element). */
async function pageText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, not hidden text
  return `${await page.locator("main").innerText()}\n${(await page.locator(".series-table").textContent()) ?? ""}`;
}

describe.skipIf(!hasChromium)("the starter dataset at a first start, told truthfully, in Chromium", () => {
  // STARTER_DATA as `npm start` leaves it (auto: loaded on the embedded store); the tests' servers default to false.
  const app = useServerAndBrowser({ STARTER_DATA: "auto" });

  // The acceptance of a fresh clone's `npm start` (tests/start.test.ts starts without the starter dataset): the same
  // entry point, then /v1/series with the dashboard's default query answers Kiel's figures for its donors.
  it("answers the dashboard's own default question with Kiel's figures for its donors, as in its file", async () => {
    expect(app.server.output()).toContain('"starterLoadedNow":true');
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The question the dashboard itself asks first (not the per-source totals beside it).
    const asked = page.waitForRequest(
      (r) => r.url().includes("/v1/series?") && !r.url().includes("groupBy=source"),
    );
    await page.goto(`${app.server.url}?lang=en`);
    const url = (await asked).url();
    const answer = (await (await fetch(url)).json()) as {
      data: {
        deliveredStage: string;
        sources: { id: string; release: string | null }[];
        groups: { key: string; reported: { delivered: boolean }; points: Record<string, string>[] }[];
      };
    };
    expect(answer.data.deliveredStage).toBe("allocated");
    expect(answer.data.sources.map((s) => s.id)).toEqual(["kiel"]);
    expect(answer.data.sources[0]?.release).toMatch(/Kiel Institute.*Release 29/);
    const germany = answer.data.groups.find((g) => g.key === "DE");
    const expected = kielGermany();
    expect(germany?.reported.delivered).toBe(true);
    expect(germany?.points.at(-1)?.cumulativePromised).toBe(`${expected.committed}.00`);
    expect(germany?.points.at(-1)?.cumulativeDelivered).toBe(`${expected.allocated}.00`);
    expect(answer.data.groups.length).toBeGreaterThan(30);
    await page.close();
  });

  for (const lang of ["en", "uk"] as const) {
    it(`draws Kiel's committed against allocated on the dashboard, credited to the Kiel Institute (${lang})`, async () => {
      const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${app.server.url}?lang=${lang}`);
      await chartShown(page);
      // Real figures drawn: a line per donor, Germany among them, and the totals of Kiel's own words.
      expect(await page.locator(".chart svg polyline").count()).toBeGreaterThan(5);
      expect(await page.locator(".chart svg desc").textContent()).toMatch(
        lang === "en" ? /Germany/ : /Німеччина/,
      );
      const totals = page.locator(".totals .source-totals");
      expect(await totals.count()).toBe(1);
      expect(await totals.locator(".source-name").textContent()).toBe(kielName[lang]);
      const terms = await totals.locator("dt").allTextContents();
      expect(terms.slice(0, 2)).toEqual([stage("committed", lang), stage("allocated", lang)]);
      expect(terms.join(" ")).not.toContain(stage("delivered", lang));
      const credit = (await page.locator("figcaption .credit").textContent()) ?? "";
      expect(credit).toContain("Kiel Institute");
      expect(credit).toContain("Release 29");
      expect(await page.locator(".chart svg").textContent()).toContain("Release 29");
      const text = await pageText(page);
      expect(text).not.toMatch(zeroShare);
      expect(text).not.toMatch(zeroMoney);
      await checkPage(page, `real-data-dashboard-${lang}`);
      await page.close();
    });
  }

  it("says plainly that Kiel does not split its promises by category, and credits SIPRI for quantities", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?groupBy=category&lang=en`);
    await chartShown(page);
    await expect
      .poll(() => page.locator(".chart-panel .notice").allTextContents())
      .toEqual([expect.stringContaining(kielName.en)]);
    expect(await page.locator(".series-table").textContent()).toContain("not split by category");

    await page.goto(`${app.server.url}?measure=quantity&lang=en`);
    await chartShown(page);
    const credit = (await page.locator("figcaption .credit").textContent()) ?? "";
    expect(credit).toContain("SIPRI Arms Transfers Database");
    expect(credit).toContain("2025-03-13");
    expect(await page.locator(".totals .source-name").allTextContents()).toEqual([
      label("sourceDataset", "sipri", "en"),
    ]);
    await page.close();
  });

  for (const [lang, width] of [
    ["en", 1280],
    ["uk", 390],
  ] as const) {
    it(`shows Germany's committed and allocated figures from Kiel, with no "0 %" (${lang}, ${width}px)`, async () => {
      const page = await app.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${app.server.url}?view=donor&donor=DE&lang=${lang}`);
      await chartShown(page);
      const totals = page.locator(".chart-panel .totals .source-totals");
      expect(await totals.locator(".source-name").allTextContents()).toEqual([kielName[lang]]);
      const figures = await totals.locator("dd").allTextContents();
      // €47.7bn committed and €29.9bn allocated in Kiel's file, compactly: both real, neither zero.
      expect(figures[0]).toMatch(lang === "en" ? /^€47\.7bn$/ : /^47,7\sмлрд\sEUR$/);
      expect(figures[1]).toMatch(lang === "en" ? /^€29\.9bn$/ : /^29,9\sмлрд\sEUR$/);
      expect(await page.locator("figcaption .credit").textContent()).toMatch(/Kiel Institute.*Release 29/);
      // Beside the money, the items SIPRI counts: ordered and delivered, SIPRI named.
      await expect
        .poll(() => page.locator(".donor > .totals .source-name").allTextContents())
        .toEqual([label("sourceDataset", "sipri", lang)]);
      const text = await pageText(page);
      expect(text).not.toMatch(zeroShare);
      expect(text).not.toMatch(zeroMoney);
      await checkPage(page, `real-data-germany-${lang}-${width}`);

      // Asked for deliveries, which Kiel does not report: "not reported", never a zero or a share of one.
      await page.goto(`${app.server.url}?view=donor&donor=DE&delivered=delivered&lang=${lang}`);
      await expect
        .poll(() => totals.locator("dt").allTextContents())
        .toEqual([stage("committed", lang), stage("delivered", lang)]);
      expect((await totals.locator("dd").allTextContents())[1]).toBe(
        lang === "en" ? "not reported" : "не повідомляється",
      );
      const asked = await pageText(page);
      expect(asked).not.toMatch(zeroShare);
      expect(asked).not.toMatch(zeroMoney);
      await checkPage(page, `real-data-germany-delivered-${lang}-${width}`);
      await page.close();
    });
  }

  it("lists the donors source by source, Kiel's with its committed and allocated euros", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=donors&lang=en`);
    const kiel = page.locator(".source-donors", { hasText: kielName.en });
    await kiel.locator("table").waitFor();
    expect(await kiel.locator("thead th").allTextContents()).toEqual([
      "Donor",
      stage("committed", "en"),
      stage("allocated", "en"),
      "Allocated of committed",
    ]);
    // A row is named by its code until the parties' names arrive: wait for the name, not only the table.
    const germany = kiel.locator("tr", { hasText: "Germany" });
    await germany.waitFor();
    expect(await germany.locator("td").allTextContents()).toEqual([
      "€47.7bn",
      "€29.9bn",
      expect.stringMatching(/^\s*63%$/),
    ]);
    await page.locator(".source-donors", { hasText: label("sourceDataset", "sipri", "en") }).waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, not hidden text
    expect(await page.locator("main").innerText()).not.toMatch(zeroMoney);
    await checkPage(page, "real-data-donors-en");
    await page.close();
  });
});
