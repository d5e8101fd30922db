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

  it("takes a write token of at least 24 printable characters, and never echoes it", () => {
    const token = "a-write-token-of-enough-length";
    expect(loadEnv({ API_WRITE_TOKEN: token }).API_WRITE_TOKEN).toBe(token);
    expect(loadEnv({ API_WRITE_TOKEN: "" }).API_WRITE_TOKEN).toBeUndefined();
    for (const bad of ["too-short-a-token", "a token with spaces in it, long enough"]) {
      let message = "no error";
      try {
        loadEnv({ API_WRITE_TOKEN: bad });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain("API_WRITE_TOKEN");
      expect(message).not.toContain(bad);
    }
  });
});
