import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@commitments/api/client";
import type { DbOptions } from "@commitments/db";
import { throwAwayDatabase } from "@commitments/db/testing";
import { afterAll, beforeAll } from "vitest";

export const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const tsx = join(repoRoot, "apps/api/node_modules/.bin/tsx");
// The server as one Node process with tsx's loader (the tsx command would be a parent relaying signals to a child
// Node process), so a SIGKILL kills the server itself, as a crash would.
const serverCommand = [process.execPath, ["--import", "tsx", "src/main.ts"]] as const;

export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies where it stands, nothing flushed, nothing closed, as in a crash. */
  kill(): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), "ct-server-"));
}

/** A fresh store for servers of a test's own: the environment that points them at it, and the bare options. */
export interface Store {
  env: Record<string, string>;
  db: DbOptions;
  dispose(): Promise<void>;
}

export interface StoreTarget {
  name: "pglite" | "postgres";
  prepare(): Promise<Store>;
}

/** Embedded PGlite always; PostgreSQL as well when TEST_DATABASE_URL names a server (a throw-away database). */
export function storeTargets(): StoreTarget[] {
  const targets: StoreTarget[] = [
    {
      name: "pglite",
      prepare: async () => {
        const dataDir = freshDataDir();
        return {
          env: { PGLITE_DATA_DIR: dataDir },
          db: { dataDir },
          dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
        };
      },
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    targets.push({
      name: "postgres",
      prepare: async () => {
        const database = await throwAwayDatabase(adminUrl);
        return {
          env: { DATABASE_URL: database.url },
          db: { databaseUrl: database.url },
          dispose: database.drop,
        };
      },
    });
  }
  return targets;
}

/**
 * A fresh store of the target's kind with its administrator and a read-and-write token, and a server started on
 * it with `env` besides the store's (a test may stop it and start others: whichever is left in `server` is
 * stopped after the tests).
 */
export function useAdministeredStore(target: StoreTarget, env: Record<string, string> = {}) {
  const context = {} as { store: Store; token: string; server: RunningServer | undefined };
  beforeAll(async () => {
    context.store = await target.prepare();
    await createAdmin("", undefined, context.store.env);
    context.server = await startServer({ ...context.store.env, ...env });
    context.token = await createWriteToken(context.server.url);
  });
  afterAll(async () => {
    await context.server?.stop();
    await context.store?.dispose();
  });
  return context;
}

/**
 * Starts the API exactly as the start command does (the same entry point), on a free port. `startTimeoutMs`: how
 * long it may take to listen; a first start with the starter dataset imports every file first, which takes longer.
 */
export async function startServer(
  env: Record<string, string>,
  { startTimeoutMs = 30_000 }: { startTimeoutMs?: number } = {},
): Promise<RunningServer> {
  const child = spawn(...serverCommand, {
    cwd: join(repoRoot, "apps/api"),
    // Servers of the tests start without the starter dataset unless a test asks for it: most seed their own data.
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info", DATABASE_URL: "", STARTER_DATA: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), startTimeoutMs);
    const check = () => {
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: () => stop(child),
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

/** Runs the entry point to completion, for start-up failures. */
export function runServerToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["src/main.ts"], {
      cwd: join(repoRoot, "apps/api"),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => resolve({ code, output }));
  });
}

export interface Admin {
  email: string;
  name: string;
  password: string;
}

/** The administrator the tests create on their fresh data directories. */
export const testAdmin: Admin = {
  email: "admin@tests.invalid",
  name: "Test Administrator",
  password: "browser-test-admin-password-0123",
};

/**
 * Creates an administrator on a data directory with the create-admin script, as an operator does before the
 * first start (the password through ADMIN_PASSWORD, never on the command line). `env` may name a PostgreSQL
 * database instead (DATABASE_URL).
 */
export function createAdmin(
  dataDir: string,
  admin: Admin = testAdmin,
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["scripts/create-admin.ts", "--email", admin.email, "--name", admin.name], {
      cwd: join(repoRoot, "apps/api"),
      env: {
        ...process.env,
        DATABASE_URL: "",
        LOG_LEVEL: "silent",
        PGLITE_DATA_DIR: dataDir,
        ADMIN_PASSWORD: admin.password,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`create-admin exited with ${code}:\n${output}`)),
    );
  });
}

/** Signs in through the API, as the web page does: the session cookie, and the CSRF token writes with it need. */
export async function signIn(
  url: string,
  { email, password }: Pick<Admin, "email" | "password"> = testAdmin,
) {
  const response = await createClient(url).v1.session.$post({ json: { email, password } });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .find((pair) => pair?.startsWith("ct_session="));
  if (!cookie) throw new Error("sign-in set no ct_session cookie");
  const { data } = await response.json();
  if (!data.csrfToken) throw new Error("sign-in gave no CSRF token");
  return { cookie, csrfToken: data.csrfToken, session: data };
}

/** Signs in as the administrator and creates an API token for the test's writes (read and write, one day). */
export async function createWriteToken(url: string, admin: Admin = testAdmin): Promise<string> {
  const { cookie, csrfToken } = await signIn(url, admin);
  const client = createClient(url, { headers: { Cookie: cookie, "X-CSRF-Token": csrfToken } });
  const response = await client.v1.tokens.$post({
    json: { name: "Browser test writes", scopes: ["read", "write"], expiresInDays: 1 },
  });
  if (response.status !== 201)
    throw new Error(`POST /v1/tokens answered ${response.status}: ${await response.text()}`);
  return (await response.json()).data.token;
}
