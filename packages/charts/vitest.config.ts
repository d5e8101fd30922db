import { defineConfig } from "vitest/config";

// Property tests run for seconds when the whole suite shares two cores; the timeout only guards against a hang.
export default defineConfig({
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 60_000 },
});
