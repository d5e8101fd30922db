import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { artifactsDir, hasChromium, useServerAndBrowser } from "./chromium.ts";

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("the API reference in Chromium", () => {
  const app = useServerAndBrowser();

  it("renders every operation of /openapi.json, from this server alone", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(app.server.url).origin;
    const elsewhere: string[] = [];
    const failed: string[] = [];
    const cspViolations: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith("data:"))
        elsewhere.push(request.url());
    });
    page.on("requestfailed", (request) => failed.push(request.url()));
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
    });

    await page.goto(`${app.server.url}reference`);
    await page.locator(".opblock").first().waitFor();

    const doc = (await (await fetch(`${app.server.url}openapi.json`)).json()) as {
      info: { title: string };
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    await expect.poll(() => page.locator(".opblock").count()).toBe(operations.length);
    const methods = await page.locator(".opblock-summary-method").allTextContents();
    const paths = await Promise.all(
      (await page.locator(".opblock-summary-path").all()).map((path) => path.getAttribute("data-path")),
    );
    const shown = methods.map((method, i) => `${method} ${paths[i]}`);
    expect(shown.sort()).toEqual(operations.sort());
    expect(await page.locator(".info .title").textContent()).toContain(doc.info.title);

    expect(elsewhere).toEqual([]);
    expect(failed).toEqual([]);
    // Swagger UI probes `new Function` inside a try/catch and falls back; that refusal is expected and harmless.
    expect(cspViolations.filter((text) => !text.includes("'unsafe-eval'"))).toEqual([]);
    await page.screenshot({ path: join(artifactsDir, "reference.png"), fullPage: true });
  });
});
