import { label } from "@commitments/core/vocabulary";
import { describe, expect, it, vi } from "vitest";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";

// The starter dataset loads at the server's first start: longer than the usual hook's two minutes on a busy machine.
vi.setConfig({ hookTimeout: 600_000, testTimeout: 180_000 });

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("the guarantor view in Chromium, on the starter dataset", () => {
  const app = useServerAndBrowser({ STARTER_DATA: "true" });

  it("lists the guarantors with the ladder chart, in English and Ukrainian and at phone width", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=guarantors&lang=en`);
    await page.getByRole("heading", { level: 1, name: "Guarantors" }).waitFor();
    const chart = page.getByTestId("ladder-chart");
    await chart.locator("svg").waitFor();
    expect(await chart.locator("desc").textContent()).toContain(
      label("ladderStanding", "words_without_weapons", "en"),
    );
    await expect.poll(() => page.locator("tbody tr").count()).toBeGreaterThan(30);
    await checkPage(page, "guarantors");

    const phone = await app.browser.newPage({ viewport: { width: 375, height: 740 } });
    await phone.goto(`${app.server.url}?view=guarantors&lang=uk`);
    await phone.getByRole("heading", { level: 1, name: "Гаранти" }).waitFor();
    await phone.getByTestId("ladder-chart").locator("svg").waitFor();
    expect(await phone.getByTestId("ladder-chart").locator("desc").textContent()).toContain(
      label("ladderStanding", "words_without_weapons", "uk"),
    );
    await checkPage(phone, "guarantors-uk-phone");
  });

  it("shows the United Kingdom's accord on the intermediate rung with its provisions and each source's record", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=guarantor&party=GB&lang=en`);
    await page.getByRole("heading", { level: 1, name: "United Kingdom" }).waitFor();
    const accord = page.getByTestId("instrument-uk-ukraine-security-cooperation-2024");
    await accord.waitFor();
    expect(await accord.textContent()).toContain(label("tier", "intermediate", "en"));
    expect(await page.locator(".rung-summary").textContent()).toContain(label("tier", "intermediate", "en"));
    await accord.getByText("Provisions (9)").click();
    expect(await accord.textContent()).toContain("24 hours");
    await page.getByRole("heading", { name: "SIPRI: weapons ordered and delivered" }).waitFor();
    await page.getByRole("cell", { name: "Challenger 2" }).waitFor();
    await checkPage(page, "guarantor-gb");

    const phone = await app.browser.newPage({ viewport: { width: 375, height: 740 } });
    await phone.goto(`${app.server.url}?view=guarantor&party=GB&lang=uk`);
    await phone.getByTestId("instrument-uk-ukraine-security-cooperation-2024").waitFor();
    await phone.getByRole("heading", { name: "SIPRI: замовлене і поставлене озброєння" }).waitFor();
    await checkPage(phone, "guarantor-gb-uk-phone");
  });

  it("compares Kiel and SIPRI for a donor, the donor kept in the URL", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=reconciliation&lang=en`);
    await page.getByRole("heading", { level: 1, name: "Kiel and SIPRI compared" }).waitFor();
    await page.getByLabel("Donor").selectOption("GB");
    await expect.poll(() => new URL(page.url()).searchParams.get("donor")).toBe("GB");
    await page.getByRole("rowheader", { name: "Challenger 2" }).waitFor();
    await checkPage(page, "reconciliation-gb");
    const uk = await app.browser.newPage({ viewport: { width: 375, height: 740 } });
    await uk.goto(`${page.url()}&lang=uk`);
    await uk.getByRole("rowheader", { name: "Challenger 2" }).waitFor();
    await checkPage(uk, "reconciliation-gb-uk-phone");
  });

  it("copies the ladder chart's link, and the link opens the same chart in a new page", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.url });
    const page = await context.newPage();
    await page.goto(`${app.server.url}?view=guarantors&lang=uk`);
    const svg = await page.getByTestId("ladder-chart").locator("svg").innerHTML();
    await page.getByRole("button", { name: "Копіювати посилання" }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain("view=guarantors");
    const again = await context.newPage();
    await again.goto(link);
    await again.getByTestId("ladder-chart").locator("svg").waitFor();
    expect(await again.getByTestId("ladder-chart").locator("svg").innerHTML()).toBe(svg);
    await context.close();
  });

  it("embeds several donors' chart in dark theme, passing axe-core's contrast rules, with notes and the data", async () => {
    const page = await app.browser.newPage({ viewport: { width: 960, height: 800 } });
    const query = "groupBy=donor&donor=DE,GB,US&source=kiel&interval=year&theme=dark&lang=en";
    const response = await page.goto(`${app.server.url}embed/series?${query}`);
    expect(response?.status()).toBe(200);
    const labels = await page.locator("svg .legend text, svg text").allTextContents();
    for (const name of ["Germany", "United Kingdom", "United States"])
      expect(labels.join(" ")).toContain(name);
    expect(await page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
      "rgb(18, 18, 18)",
    );
    await page.getByRole("link", { name: "Get the data (CSV)" }).waitFor();
    expect(await page.locator(".chart-notes").first().textContent()).toContain("Germany");
    await checkPage(page, "embed-dark");
    const uk = await app.browser.newPage({ viewport: { width: 375, height: 740 } });
    await uk.goto(`${app.server.url}embed/series?${query.replace("lang=en", "lang=uk")}`);
    await uk.getByRole("link", { name: "Отримати дані (CSV)" }).waitFor();
    await checkPage(uk, "embed-dark-uk-phone");
  });

  it("draws the ladder on a log axis from the URL, offers it as PNG, and embeds it in dark theme", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.url });
    const page = await context.newPage();
    await page.goto(`${app.server.url}?view=guarantors&lang=en`);
    const chart = page.getByTestId("ladder-chart");
    await chart.locator("svg").waitFor();
    await page.getByLabel("Axis of military aid").selectOption("log");
    await expect.poll(() => new URL(page.url()).searchParams.get("scale")).toBe("log");
    await expect.poll(() => chart.locator("svg").textContent()).toContain("EUR, log scale");
    const png = page.getByRole("link", { name: "Download PNG" });
    expect(await png.getAttribute("href")).toBe("/v1/charts/guarantors.png?lang=en&scale=log");
    const image = await page.request.get(`${app.server.url}v1/charts/guarantors.png?lang=en&scale=log`);
    expect(image.headers()["content-type"]).toBe("image/png");
    await page.getByRole("button", { name: "Copy embed code" }).click();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toContain("/embed/guarantors?lang=en&amp;scale=log");
    await checkPage(page, "guarantors-log");

    const embed = await context.newPage();
    await embed.setViewportSize({ width: 960, height: 900 });
    const response = await embed.goto(`${app.server.url}embed/guarantors?lang=uk&scale=log&theme=dark`);
    expect(response?.status()).toBe(200);
    expect(await embed.locator("svg").textContent()).toContain("логарифмічна шкала");
    await embed.getByRole("link", { name: "Отримати дані (CSV)" }).waitFor();
    await checkPage(embed, "guarantors-embed-dark-uk");
    await context.close();
  });
});
