import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const Env = z.object({
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
  /** The bearer token every write must carry, until accounts exist. Unset, the API is read-only. */
  API_WRITE_TOKEN: z
    .string()
    .min(24, "must be at least 24 characters")
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces, as it travels in a header")
    .optional(),
});
export type Env = z.infer<typeof Env>;

/** Reads and checks the environment once, at start-up; a bad value stops the process with a readable message. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (DATABASE_URL= in a shell or .env file) means "not set", not an invalid value.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = Env.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
