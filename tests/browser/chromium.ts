import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
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
  }: {
    /** Runs on the fresh data directory before the server starts on it: creating an administrator, say. */
    beforeStart?: (dataDir: string) => Promise<unknown>;
  } = {},
) {
  const context = {} as { server: RunningServer; browser: Browser };
  const dataDir = freshDataDir();
  beforeAll(async () => {
    await beforeStart?.(dataDir);
    context.server = await startServer({ PGLITE_DATA_DIR: dataDir, ...env });
    context.browser = await launch();
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return context;
}
