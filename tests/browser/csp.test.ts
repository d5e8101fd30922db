import { describe, expect, it } from "vitest";
import { checkPage, cspViolations, hasChromium, useServerAndBrowser } from "./chromium.ts";

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("the pages under their Content-Security-Policy, in Chromium", () => {
  const app = useServerAndBrowser();

  it("loads the web app, the API reference and the embed with nothing refused; an inline style would be", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(app.server.url);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("heading", { level: 1, name: "Promised and delivered" }).waitFor();
    await checkPage(page, "csp-dashboard");
    await page.goto(`${app.server.url}?view=agreements`);
    await page.locator("h1").first().waitFor();
    expect(await cspViolations(page)).toEqual([]);

    // The check sees what the policy refuses: a style the page would inline is reported, and not applied.
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "body { background: rgb(255, 0, 0) }";
      document.head.append(style);
    });
    expect((await cspViolations(page)).join()).toContain("style-src");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      "rgb(255, 0, 0)",
    );

    await page.goto(`${app.server.url}reference`);
    await page.locator(".opblock").first().waitFor();
    expect(await cspViolations(page)).toEqual([]);
    await page.goto(`${app.server.url}embed/series?groupBy=donor`);
    await page.locator("svg").first().waitFor();
    await checkPage(page, "csp-embed");
  });
});
