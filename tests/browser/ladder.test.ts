import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { artifactsDir, hasChromium, useServerAndBrowser } from "./chromium.ts";

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("the ladder page in Chromium", () => {
  const app = useServerAndBrowser();

  it("shows Table 1 as a ladder with the reference agreements on their rungs, from the API", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.server.url);
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
    await page.screenshot({ path: join(artifactsDir, "ladder.png"), fullPage: true });
  });

  it("opens an agreement's provisions and keeps the choice in the URL", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.server.url);
    const uk = page.locator('.rung[data-instrument-type="security_cooperation"] .chip', {
      hasText: "January 2024",
    });
    await uk.first().click();
    await page.getByRole("heading", { name: "Provisions" }).waitFor();
    expect(await page.locator(".provisions").textContent()).toContain("Consultation within 24 hours");
    expect(await page.locator(".provisions").textContent()).toContain("No mutual-defence clause");
    expect(new URL(page.url()).searchParams.get("agreement")).toBeTruthy();
    await page.screenshot({ path: join(artifactsDir, "ladder-agreement.png"), fullPage: true });

    // The same URL opens the same view.
    const again = await app.browser.newPage();
    await again.goto(page.url());
    await again.getByRole("heading", { name: "Provisions" }).waitFor();
  });
});
