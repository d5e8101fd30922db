import { defineConfig } from "vitest/config";

// Database tests open their own PGlite directories or throw-away PostgreSQL databases; give them time to start.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
