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
