import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./server.ts";

// One version of each shared library across the tree (the pnpm catalog), so types and runtime agree everywhere.
describe("the dependency tree", () => {
  it.each(["zod", "hono", "drizzle-orm", "typescript"])("holds exactly one version of %s", (name) => {
    const lockfile = readFileSync(join(repoRoot, "pnpm-lock.yaml"), "utf8");
    const versions = new Set(
      [...lockfile.matchAll(new RegExp(`^  /?${name.replace("/", "\\/")}@([^(:\\s]+)`, "gm"))].map(
        (m) => m[1],
      ),
    );
    expect([...versions]).toHaveLength(1);
  });
});
