import { beforeAll, describe, expect, it, vi } from "vitest";

// api.ts builds its client from the page's origin when it loads.
vi.stubGlobal("window", { location: { origin: "http://127.0.0.1" } });
let api: typeof import("./api.ts");
beforeAll(async () => {
  api = await import("./api.ts");
});

function answer(status: number, body: unknown) {
  return { ok: status < 400, status, json: async () => body };
}

describe("unwrap", () => {
  it("gives the body of an answer the API accepted", async () => {
    expect(await api.unwrap(answer(200, { data: [1, 2] }))).toEqual({ data: [1, 2] });
  });

  it("turns a refusal into the ApiProblem its error envelope states, with the field named", async () => {
    const refusal = answer(400, {
      error: {
        code: "BAD_REQUEST",
        message: "amount must be positive",
        details: [{ location: "json", path: "amount", message: "must be positive" }],
        requestId: "r1",
      },
    });
    const problem = await api.unwrap(refusal).catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(api.ApiProblem);
    expect((problem as InstanceType<typeof api.ApiProblem>).status).toBe(400);
    expect((problem as Error).message).toBe("amount must be positive");
    expect((problem as InstanceType<typeof api.ApiProblem>).fieldMessage("amount")).toBe("must be positive");
  });

  it("names the status when a refusal has no readable body", async () => {
    const bare = { ok: false, status: 502, json: async () => Promise.reject(new Error("not JSON")) };
    await expect(api.unwrap(bare)).rejects.toThrow("The API answered 502");
  });
});

describe("apiError", () => {
  it("keeps the envelope's code and request id, and Retry-After in seconds, for the page's words", async () => {
    const problem = await api.apiError({
      status: 429,
      json: async () => ({ error: { code: "TOO_MANY_REQUESTS", message: "Slow down", requestId: "req-1" } }),
      headers: new Headers({ "Retry-After": "42" }),
    });
    expect(problem).toMatchObject({
      status: 429,
      code: "TOO_MANY_REQUESTS",
      requestId: "req-1",
      retryAfter: 42,
    });
    expect(problem.details).toEqual([]);
  });

  it("reads Retry-After given as a date, and none when there is none", () => {
    const now = Date.parse("2025-03-01T10:00:00Z");
    expect(api.secondsOf("Sat, 01 Mar 2025 10:01:30 GMT", now)).toBe(90);
    expect(api.secondsOf("Sat, 01 Mar 2025 09:00:00 GMT", now)).toBe(0);
    expect(api.secondsOf(null, now)).toBeUndefined();
    expect(api.secondsOf("soon", now)).toBeUndefined();
  });
});
