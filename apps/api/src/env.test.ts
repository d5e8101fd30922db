import { describe, expect, it } from "vitest";
import { loadEnv, publicOriginOf } from "./env.ts";

describe("loadEnv", () => {
  it("fills defaults and treats empty variables as unset", () => {
    const env = loadEnv({ DATABASE_URL: "", PORT: "8080" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(8080);
    expect(env.PGLITE_DATA_DIR).toMatch(/data\/pglite$/);
    expect(env.TOKEN_REQUESTS_PER_MINUTE).toBe(600);
    expect(loadEnv({ TOKEN_REQUESTS_PER_MINUTE: "5000" }).TOKEN_REQUESTS_PER_MINUTE).toBe(5000);
  });

  it("names every variable at fault", () => {
    const message = (() => {
      try {
        loadEnv({
          PORT: "eighty",
          DATABASE_URL: "mysql://x",
          LOG_LEVEL: "loud",
          TOKEN_REQUESTS_PER_MINUTE: "0",
        });
        return "no error";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^Invalid environment/);
    for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL", "TOKEN_REQUESTS_PER_MINUTE"])
      expect(message).toContain(name);
  });

  it("reads the resource limits, with defaults, and refuses headers that may outlast the request", () => {
    expect(loadEnv({})).toMatchObject({
      ANONYMOUS_REQUESTS_PER_MINUTE: 1200,
      IMPORT_MAX_BYTES: 512 * 2 ** 20,
      HEADERS_TIMEOUT_SECONDS: 20,
      REQUEST_TIMEOUT_SECONDS: 300,
      KEEP_ALIVE_TIMEOUT_SECONDS: 5,
      READ_CACHE_MB: 128,
    });
    expect(loadEnv({ ANONYMOUS_REQUESTS_PER_MINUTE: "30" }).ANONYMOUS_REQUESTS_PER_MINUTE).toBe(30);
    expect(loadEnv({ READ_CACHE_MB: "0" }).READ_CACHE_MB).toBe(0);
    for (const [bad, name] of [
      [{ ANONYMOUS_REQUESTS_PER_MINUTE: "0" }, "ANONYMOUS_REQUESTS_PER_MINUTE"],
      [{ IMPORT_MAX_BYTES: "1.5" }, "IMPORT_MAX_BYTES"],
      [{ KEEP_ALIVE_TIMEOUT_SECONDS: "soon" }, "KEEP_ALIVE_TIMEOUT_SECONDS"],
      [{ READ_CACHE_MB: "-1" }, "READ_CACHE_MB"],
      [{ HEADERS_TIMEOUT_SECONDS: "60", REQUEST_TIMEOUT_SECONDS: "30" }, "HEADERS_TIMEOUT_SECONDS"],
    ] as const) {
      expect(() => loadEnv(bad)).toThrow(name);
    }
  });

  it("takes the links' origin from PUBLIC_ORIGIN, an origin and nothing more, else from HOST and PORT", () => {
    expect(publicOriginOf(loadEnv({ PUBLIC_ORIGIN: "https://tracker.example.org/" }))).toBe(
      "https://tracker.example.org",
    );
    expect(publicOriginOf(loadEnv({ PUBLIC_ORIGIN: "http://10.0.0.5:8080" }))).toBe("http://10.0.0.5:8080");
    expect(publicOriginOf(loadEnv({}))).toBe("http://127.0.0.1:3000");
    expect(publicOriginOf(loadEnv({ HOST: "0.0.0.0", PORT: "8080" }))).toBe("http://localhost:8080");
    expect(publicOriginOf(loadEnv({ HOST: "::1" }), 4321)).toBe("http://[::1]:4321");
    for (const bad of [
      "tracker.example.org",
      "ftp://tracker.example.org",
      "https://tracker.example.org/app",
      "https://tracker.example.org/?x=1",
      "https://user:secret@tracker.example.org",
      "https://tracker.example.org#top",
    ]) {
      expect(() => loadEnv({ PUBLIC_ORIGIN: bad }), bad).toThrow("PUBLIC_ORIGIN");
    }
  });

  it("makes demo accounts only on request, with a password the operator chose, never echoed", () => {
    expect(loadEnv({}).DEMO_ACCOUNTS).toBe(false);
    const password = "a-demo-password-of-length";
    expect(loadEnv({ DEMO_ACCOUNTS: "true", DEMO_PASSWORD: password })).toMatchObject({
      DEMO_ACCOUNTS: true,
      DEMO_PASSWORD: password,
    });
    for (const bad of [
      { DEMO_ACCOUNTS: "true" },
      { DEMO_ACCOUNTS: "true", DEMO_PASSWORD: "short-one" },
      { DEMO_ACCOUNTS: "true", DEMO_PASSWORD: password, DATABASE_URL: "postgres://localhost/x" },
      { DEMO_ACCOUNTS: "yes" },
    ]) {
      let message = "no error";
      try {
        loadEnv(bad);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/DEMO_(ACCOUNTS|PASSWORD)/);
      expect(message).not.toContain("short-one");
    }
  });

  it("e-mails notices only when asked, through an smtp:// or smtps:// server, from a named address", () => {
    expect(loadEnv({}).SMTP_URL).toBeUndefined();
    const env = loadEnv({ SMTP_URL: "smtp://mail.example.org:587", SMTP_FROM: "Tracker <n@example.org>" });
    expect(env).toMatchObject({
      SMTP_URL: "smtp://mail.example.org:587",
      SMTP_FROM: "Tracker <n@example.org>",
    });
    for (const [bad, named] of [
      [{ SMTP_URL: "http://mail.example.org", SMTP_FROM: "n@example.org" }, "SMTP_URL"],
      [{ SMTP_URL: "smtp://mail.example.org:25" }, "SMTP_FROM"],
      [{ SMTP_URL: "smtp://mail.example.org:25", SMTP_FROM: "no address" }, "SMTP_FROM"],
    ] as const) {
      expect(() => loadEnv(bad)).toThrow(named);
    }
  });
});
