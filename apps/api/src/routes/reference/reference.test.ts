import { describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";

// The page and its assets read no data, so no database is needed.
const app = createApp({ db: undefined as never });

describe("the API reference page", () => {
  it("is an HTML page with a same-origin-only CSP, pointing Swagger UI at /openapi.json", async () => {
    const response = await app.request("/reference");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<div id="swagger-ui">');
    // Nothing from another origin: the page must work offline.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const init = await (await app.request("/reference/assets/init.js")).text();
    expect(init).toContain('url: "/openapi.json"');
    expect(init).toContain("validatorUrl: null");
  });

  it("serves every script and stylesheet it names, with the right content types", async () => {
    const html = await (await app.request("/reference")).text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] as string);
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] as string);
    expect(scripts).toEqual(["/reference/assets/swagger-ui-bundle.js", "/reference/assets/init.js"]);
    expect(styles).toEqual(["/reference/assets/swagger-ui.css"]);
    for (const src of scripts) {
      const response = await app.request(src);
      expect(response.status, src).toBe(200);
      expect(response.headers.get("content-type"), src).toBe("text/javascript; charset=utf-8");
      expect((await response.text()).length, src).toBeGreaterThan(100);
    }
    const css = await app.request(styles[0] as string);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain(".swagger-ui");
  });

  it("serves nothing else from the package, and answers unknown paths with the JSON 404", async () => {
    for (const path of [
      "/reference/assets/package.json",
      "/reference/assets/..%2Fpackage.json",
      "/reference/assets/index.html",
      "/reference/elsewhere",
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
  });
});
