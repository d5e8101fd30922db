import { label, words } from "@commitments/core/vocabulary";
import { describe, expect, it } from "vitest";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("the ladder page in Chromium", () => {
  const app = useServerAndBrowser();

  it("shows Table 1 as a ladder with the reference agreements on their rungs, from the API", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=agreements`);
    await page.getByRole("heading", { name: "The ladder of security guarantees" }).waitFor();

    const tierHeadings = await page.locator(".tier > h2").allTextContents();
    expect(tierHeadings.map((t) => t.split(" ")[0])).toEqual(["Hard", "Intermediate", "Soft"]);
    expect(await page.locator(".rung").count()).toBe(15);

    const api = (await (await fetch(`${app.server.url}v1/agreements`)).json()) as { data: unknown[] };
    expect(await page.locator(".chip").count()).toBe(api.data.length);
    const budapest = page.locator('.rung[data-instrument-type="assurance"] .chip');
    await expect
      .poll(() => budapest.allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Budapest/)]));
    await checkPage(page, "ladder");
  });

  it("opens an agreement's provisions and keeps the choice in the URL", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=agreements`);
    const uk = page.locator('.rung[data-instrument-type="security_cooperation"] .chip', {
      hasText: "January 2024",
    });
    await uk.first().click();
    await page.getByRole("heading", { name: "Provisions" }).waitFor();
    expect(await page.locator(".provisions").textContent()).toContain("Consultation within 24 hours");
    expect(await page.locator(".provisions").textContent()).toContain("No mutual-defence clause");
    expect(new URL(page.url()).searchParams.get("agreement")).toBeTruthy();
    await checkPage(page, "ladder-agreement");

    // The same URL opens the same view.
    const again = await app.browser.newPage();
    await again.goto(page.url());
    await again.getByRole("heading", { name: "Provisions" }).waitFor();
  });

  it("compares the UK, French and US accords provision by provision, in English and Ukrainian", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=agreements`);
    await page.getByRole("link", { name: "Compare agreements provision by provision" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Agreements compared, provision by provision" })
      .waitFor();
    const table = page.locator(".compare-table");
    await table.waitFor();
    const columns = await table.locator("thead th").allTextContents();
    expect(columns.slice(1)).toHaveLength(3);
    // The UK accord's column, as the API records its provisions.
    const agreements = (await (await fetch(`${app.server.url}v1/agreements`)).json()) as {
      data: { id: string; shortTitle: string }[];
    };
    const uk = agreements.data.find((a) => a.id === "uk-ukraine-security-cooperation-2024");
    expect(columns).toContain(uk?.shortTitle);
    const ukColumn = columns.indexOf(uk?.shortTitle as string);
    const consultation = table.locator('tr[data-provision="consultation"] td').nth(ukColumn - 1);
    expect(await consultation.textContent()).toContain("Consultation within 24 hours");
    const defence = table.locator('tr[data-provision="mutual_defence"] td').nth(ukColumn - 1);
    expect(await defence.textContent()).toContain("No mutual-defence clause");
    await checkPage(page, "compare");

    // Unticking one keeps the choice in the URL; the same URL in Ukrainian shows the same table in Ukrainian.
    await page.getByRole("checkbox", { name: uk?.shortTitle }).uncheck();
    await expect.poll(() => table.locator("thead th").count()).toBe(3);
    const chosen = new URL(page.url()).searchParams.get("agreements");
    expect(chosen?.split(",")).not.toContain(uk?.id);
    await page.getByRole("checkbox", { name: uk?.shortTitle }).check();
    const ukrainian = await app.browser.newPage({ viewport: { width: 375, height: 740 } });
    await ukrainian.goto(`${page.url()}&lang=uk`);
    await ukrainian
      .getByRole("heading", { level: 1, name: "Угоди поруч, положення за положенням" })
      .waitFor();
    expect(await ukrainian.locator("html").getAttribute("lang")).toBe("uk");
    expect(await ukrainian.locator(".compare-table").textContent()).toContain("Консультації протягом 24 год");
    // The tier and instrument of each accord in Ukrainian, in the vocabulary's words, not as ids.
    const tierRow = (await ukrainian.locator(".compare-table tbody tr").first().textContent()) ?? "";
    expect(tierRow).toContain(label("tier", "intermediate", "uk"));
    expect(tierRow).toContain(label("instrumentType", "security_cooperation", "uk"));
    expect(tierRow).not.toContain("intermediate");
    await checkPage(ukrainian, "compare-uk-phone");
  });

  it("names the tiers and instrument types in Ukrainian on a Ukrainian page", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=agreements&lang=uk`);
    await page.getByRole("heading", { name: "Драбина гарантій безпеки" }).waitFor();
    const tierHeadings = await page.locator(".tier > h2").allTextContents();
    expect(tierHeadings).toEqual(
      (["hard", "intermediate", "soft"] as const).map(
        (tier) => `${label("tier", tier, "uk")} — ${words("tier", tier, "uk").heading}`,
      ),
    );
    expect(await page.locator('.rung[data-instrument-type="assurance"] h3').textContent()).toBe(
      label("instrumentType", "assurance", "uk"),
    );
  });

  it("names the agreements in Ukrainian on a Ukrainian page, each rung in Ukrainian alphabetical order", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=agreements&lang=uk`);
    await page.getByRole("heading", { name: "Драбина гарантій безпеки" }).waitFor();
    const api = (await (await fetch(`${app.server.url}v1/agreements`)).json()) as {
      data: { id: string; instrumentType: string; title: string; titleUk: string; shortTitleUk: string }[];
    };
    const collator = new Intl.Collator("uk-UA");
    for (const rung of new Set(api.data.map((a) => a.instrumentType))) {
      const expected = api.data
        .filter((a) => a.instrumentType === rung)
        .map((a) => a.shortTitleUk)
        .sort(collator.compare);
      expect(
        await page.locator(`.rung[data-instrument-type="${rung}"] .chip-title`).allTextContents(),
      ).toEqual(expected);
    }
    const budapest = page.locator('.rung[data-instrument-type="assurance"] .chip-title');
    expect(await budapest.allTextContents()).toContain("Будапештський меморандум");

    // The UK accord opens under its Ukrainian title.
    const ukAccord = api.data.find((a) => a.id === "uk-ukraine-security-cooperation-2024");
    await page.getByRole("button", { name: ukAccord?.shortTitleUk }).click();
    await page.getByRole("heading", { level: 2, name: ukAccord?.titleUk }).waitFor();
    expect(await page.locator("#agreement-title").textContent()).not.toBe(ukAccord?.title);
    await checkPage(page, "ladder-uk-agreement");
  });
});
