import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** An origin, and nothing else: http(s), a host and maybe a port; no path, query, fragment or credentials. */
const Origin = z.string().transform((text, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const bare =
    url !== undefined &&
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.username === "" &&
    url.password === "" &&
    url.pathname === "/" &&
    url.search === "" &&
    url.hash === "" &&
    (text === url.origin || text === `${url.origin}/`);
  if (!url || !bare) {
    ctx.addIssue({ code: "custom", message: "must be an origin such as https://tracker.example.org" });
    return z.NEVER;
  }
  return url.origin;
});

const Env = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    /** PostgreSQL, the production store. Without it the embedded PGlite store is used. */
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default(`${repoRoot}data/pglite`),
    /** The built web app, served at / when present. */
    WEB_DIST_DIR: z.string().min(1).default(`${repoRoot}apps/web/dist`),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /**
     * Where the public reaches the tracker: the origin of every absolute link it writes (exports' Link and
     * X-Citation, the embed's source line). Never taken from a request's Host or X-Forwarded-Host.
     */
    PUBLIC_ORIGIN: Origin.optional(),
    /** Set behind a reverse proxy that terminates TLS: its X-Forwarded-* headers then decide cookies and addresses. */
    TRUST_PROXY: z
      .enum(["true", "false"], { error: 'must be "true" or "false"' })
      .default("false")
      .transform((value) => value === "true"),
    /** Creates clearly marked demo organisations and users on the embedded database, on request only. */
    DEMO_ACCOUNTS: z
      .enum(["true", "false"], { error: 'must be "true" or "false"' })
      .default("false")
      .transform((value) => value === "true"),
    /**
     * Memory each API process gives the public answers it keeps, in MiB; 0 keeps none (every answer computed: for
     * measuring, or where a CDN in front keeps them).
     */
    READ_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(128),
    /** API processes the cluster command (src/cluster.ts) runs behind one port; one per core by default. */
    WORKERS: z.coerce.number().int().min(1).max(256).optional(),
    /** Requests an API token may make a minute, counted in the database across every API process. */
    TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** Requests without credentials one client address may make a minute, counted like the token's. */
    ANONYMOUS_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
    /** The largest file an import takes, in bytes (512 MiB). */
    IMPORT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 40)
      .default(512 * 2 ** 20),
    /** How long a client may take to send its request's headers, then its whole request, in seconds. */
    HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(20),
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** How long an idle kept-alive connection stays open after a response, in seconds. */
    KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
    /**
     * Whether to load the starter dataset of public figures (Kiel, SIPRI, the ECB's rates) at start, once per
     * version: "auto" on the embedded store only; PostgreSQL takes it from `pnpm load-starter-data` or "true".
     */
    STARTER_DATA: z
      .enum(["auto", "true", "false"], { error: 'must be "auto", "true" or "false"' })
      .default("auto"),
    /**
     * The mail server notices are e-mailed through: smtp://[user:password@]host:port, or smtps:// for TLS from
     * the first byte. Unset, nothing is e-mailed: notices are in the app only.
     */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtp://localhost:25" })
      .optional(),
    /** The From of the notices' e-mails, e.g. "Commitments tracker <notices@tracker.example.org>". */
    SMTP_FROM: z
      .string()
      .regex(/^[^\r\n<>]*<?[^\s@<>]+@[^\s@<>]+>?$/, "must be an address, or a name and <address>")
      .optional(),
    /** The demo users' password, chosen by whoever asks for them: there are no default passwords. */
    DEMO_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  })
  .superRefine((env, ctx) => {
    // Node refuses to start a server whose headers may take longer than the whole request.
    if (env.HEADERS_TIMEOUT_SECONDS > env.REQUEST_TIMEOUT_SECONDS) {
      ctx.addIssue({
        code: "custom",
        path: ["HEADERS_TIMEOUT_SECONDS"],
        message: `must not exceed REQUEST_TIMEOUT_SECONDS (${env.REQUEST_TIMEOUT_SECONDS})`,
      });
    }
    if (env.SMTP_URL && !env.SMTP_FROM) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_FROM"],
        message: "required with SMTP_URL: the address notices are sent from",
      });
    }
    if (!env.DEMO_ACCOUNTS) return;
    if (env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DEMO_ACCOUNTS"],
        message: "demo accounts are for the embedded database only",
      });
    }
    if (!env.DEMO_PASSWORD) {
      ctx.addIssue({
        code: "custom",
        path: ["DEMO_PASSWORD"],
        message: "required with DEMO_ACCOUNTS=true (at least 12 characters)",
      });
    }
  });
export type Env = z.infer<typeof Env>;

/**
 * The origin links name: PUBLIC_ORIGIN, or the address the server listens on (`port` once known, for PORT=0),
 * with "localhost" for a server listening on every interface.
 */
export function publicOriginOf(env: Env, port = env.PORT): string {
  if (env.PUBLIC_ORIGIN) return env.PUBLIC_ORIGIN;
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** Reads and checks the environment once, at start-up; a bad value stops the process with a readable message. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (DATABASE_URL= in a shell or .env file) means "not set", not an invalid value.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = Env.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
