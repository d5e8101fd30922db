import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.ts";

describe("loadEnv", () => {
  it("fills defaults and treats empty variables as unset", () => {
    const env = loadEnv({ DATABASE_URL: "", PORT: "8080" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(8080);
    expect(env.PGLITE_DATA_DIR).toMatch(/data\/pglite$/);
  });

  it("names every variable at fault", () => {
    const message = (() => {
      try {
        loadEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
        return "no error";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^Invalid environment/);
    for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL"]) expect(message).toContain(name);
  });
});
