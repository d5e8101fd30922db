import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDataDir, repoRoot, runServerToExit, signIn, startServer } from "./server.ts";

// The start command's own entry point, on the embedded store: it migrates, loads the reference data once,
// serves the web app and the API, and keeps its data across a restart.
// These starts leave the starter dataset out (tests/server.ts); the first start with it, as `npm start` on a fresh
// clone makes it, is tests/browser/real-data.test.ts: the dashboard's default /v1/series answers Kiel's donors.
describe("the start command on the embedded database", () => {
  const parent = freshDataDir();
  // A directory that does not exist yet, as data/pglite in a fresh clone.
  const dataDir = join(parent, "data", "pglite");
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("serves the page and the API with the reference data loaded", async () => {
    const server = await startServer({ PGLITE_DATA_DIR: dataDir });
    try {
      const page = await fetch(server.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');

      const agreements = (await (await fetch(`${server.url}v1/agreements`)).json()) as { data: unknown[] };
      expect(agreements.data.length).toBeGreaterThan(15);
      expect((await fetch(`${server.url}openapi.json`)).status).toBe(200);
      expect(server.output()).toContain('"loadedNow":true');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("serves the production build without source maps, every page under a Content-Security-Policy", async () => {
    // The build the start command serves (turbo builds the web app before these tests): no map, no reference to one.
    const assets = join(repoRoot, "apps/web/dist/assets");
    const files = readdirSync(assets);
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    const scripts = files.filter((file) => file.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts)
      expect(readFileSync(join(assets, file), "utf8")).not.toContain("sourceMappingURL");
    const server = await startServer({ PGLITE_DATA_DIR: dataDir });
    try {
      for (const path of ["", "?view=workspace", "reference", "embed/series"]) {
        const page = await fetch(`${server.url}${path}`);
        expect(page.status, path).toBe(200);
        expect(page.headers.get("content-security-policy"), path).toMatch(/default-src '(self|none)'/);
      }
      // A map asked for by name is not there, even beside the script it would describe.
      expect((await fetch(`${server.url}assets/${scripts[0]}`)).status).toBe(200);
      expect((await fetch(`${server.url}assets/${scripts[0]}.map`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it("keeps its data across a restart and does not load the reference data twice", async () => {
    const server = await startServer({ PGLITE_DATA_DIR: dataDir });
    try {
      expect(server.output()).toContain('"loadedNow":false');
      const agreements = (await (await fetch(`${server.url}v1/agreements`)).json()) as { data: unknown[] };
      expect(agreements.data.length).toBeGreaterThan(15);
    } finally {
      await server.stop();
    }
  });

  it("has no accounts of its own, and makes demo accounts, marked DEMO, only on request", async () => {
    const demo = { email: "editor.gb@demo.invalid", password: "a demo password chosen here" };
    const plain = await startServer({ PGLITE_DATA_DIR: dataDir });
    try {
      await expect(signIn(plain.url, demo)).rejects.toThrow(/401/);
    } finally {
      await plain.stop();
    }
    const server = await startServer({
      PGLITE_DATA_DIR: dataDir,
      DEMO_ACCOUNTS: "true",
      DEMO_PASSWORD: demo.password,
    });
    try {
      const { cookie } = await signIn(server.url, demo);
      const session = (await (await fetch(`${server.url}v1/session`, { headers: { cookie } })).json()) as {
        data: { organisation: { name: string; demo: boolean }; roles: string[] };
      };
      expect(session.data.organisation).toMatchObject({ demo: true, name: expect.stringMatching(/^DEMO /) });
      expect(session.data.roles).toEqual(["ministry_editor"]);
      // The password the operator chose is never echoed.
      expect(server.output()).not.toContain(demo.password);
      expect(server.output()).toContain("editor.gb@demo.invalid");
    } finally {
      await server.stop();
    }
  });

  it("refuses to start on a bad environment, naming the variable", async () => {
    const { code, output } = await runServerToExit({ PORT: "eighty", PGLITE_DATA_DIR: dataDir });
    expect(code).not.toBe(0);
    expect(output).toContain("Invalid environment");
    expect(output).toContain("PORT");
  });
});
