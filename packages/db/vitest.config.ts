import { defineConfig } from "vitest/config";

// Database tests open their own PGlite directories or throw-away PostgreSQL databases; give them time to start.
// The timeouts guard against a hang, not a slow machine: every package's tests share two cores in CI.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000 },
});
