import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { freshDataDir, type RunningServer, repoRoot, startServer } from "../server.ts";

export const chromiumPath = "/usr/bin/chromium";
export const artifactsDir = join(repoRoot, "tests/artifacts");

/**
 * Browser tests need Debian's chromium (CI installs it). On a developer machine without it they are skipped
 * with a notice; under CI a missing browser is a failure, never a silent skip.
 */
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium && process.env.CI) throw new Error(`CI needs ${chromiumPath}: apt-get install chromium`);
if (!hasChromium)
  console.warn(`Browser tests skipped: ${chromiumPath} is not installed (apt-get install chromium).`);

export async function launch(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The real server on a fresh PGlite directory, and a browser, for one describe block: started before its tests,
 * stopped and cleaned up after them. `beforeStart` prepares the directory first (see `createAdmin`).
 */
export function useServerAndBrowser(
  env: Record<string, string> = {},
  {
    beforeStart,
    startTimeoutMs,
  }: {
    /** Runs on the fresh data directory before the server starts on it: creating an administrator, say. */
    beforeStart?: (dataDir: string) => Promise<unknown>;
    /** How long the server may take to listen (see `startServer`). */
    startTimeoutMs?: number;
  } = {},
) {
  const context = {} as { server: RunningServer; browser: Browser };
  const dataDir = freshDataDir();
  beforeAll(
    async () => {
      await beforeStart?.(dataDir);
      context.server = await startServer({ PGLITE_DATA_DIR: dataDir, ...env }, { startTimeoutMs });
      context.browser = await launch();
    },
    (startTimeoutMs ?? 0) + 120_000,
  );
  afterAll(async () => {
    await context.browser?.close();
    await context.server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return context;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One accessibility problem axe-core found, as much as a failure message needs. */
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * What the page's Content-Security-Policy refused since it loaded, as the browser reports it: a script, style or
 * request the policy did not allow means the page is broken under it. Evaluated through the debugging protocol,
 * which the policy does not govern. Swagger UI probes `eval` and falls back when refused; that is no breakage.
 */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const found: string[] = [];
        const describe = (reports: readonly Report[]) => {
          for (const report of reports) {
            const body = report.body as unknown as { effectiveDirective?: string; blockedURL?: string };
            if (body.blockedURL !== "eval")
              found.push(`${body.effectiveDirective} refused ${body.blockedURL}`);
          }
        };
        const observer = new ReportingObserver((reports) => describe(reports), {
          types: ["csp-violation"],
          buffered: true,
        });
        observer.observe();
        setTimeout(() => {
          describe(observer.takeRecords());
          observer.disconnect();
          resolve(found);
        }, 100);
      }),
  );
}

/**
 * Checks the page as it stands with axe-core (WCAG 2.x A and AA rules) and saves a screenshot of it as
 * `<name>.png`: the check fails on any serious or critical violation, listing each with the elements at fault,
 * and on anything its Content-Security-Policy refused.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  expect(await cspViolations(page), `Content-Security-Policy on ${name}`).toEqual([]);
  // Evaluated through the debugging protocol rather than added as a script tag, so a page whose CSP forbids
  // scripts (the embed) is checked too.
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (options: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations;
  });
  const serious = (violations as AxeViolation[]).filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  const report = serious.map(
    (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
  );
  expect(report, `axe-core on ${name}`).toEqual([]);
}
