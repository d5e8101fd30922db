import { defineConfig } from "vitest/config";

// Property-based round trips and streaming tests run for seconds when the whole suite shares two cores.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 60_000 } });
