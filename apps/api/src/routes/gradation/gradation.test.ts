import { instrumentTypeIds, words } from "@commitments/core";
import { testClient } from "hono/testing";
import { describe, expect, it } from "vitest";
import { expectError, okJson } from "../../../test/expect-error.ts";
import { createApp } from "../../app.ts";

// Table 1 is static: no database is read, so an unconnected handle is enough.
const app = createApp({ db: undefined as never });
const client = testClient(app);

describe("GET /v1/gradation", () => {
  it("gives Table 1: three tiers from soft to hard with five instrument types each", async () => {
    const { data } = await okJson(await client.v1.gradation.$get());
    expect(data.tiers.map((t) => t.id)).toEqual(["soft", "intermediate", "hard"]);
    const types = data.tiers.flatMap((t) => t.instrumentTypes.map((i) => i.id));
    expect(types).toEqual([...instrumentTypeIds]);
  });

  it("names each tier and instrument type in English and Ukrainian, in the vocabulary's words", async () => {
    const { data } = await okJson(await client.v1.gradation.$get());
    for (const tier of data.tiers) {
      expect(tier).toMatchObject({ ...words("tier", tier.id, "en"), uk: words("tier", tier.id, "uk") });
      for (const type of tier.instrumentTypes) {
        expect(type).toMatchObject({
          ...words("instrumentType", type.id, "en"),
          uk: words("instrumentType", type.id, "uk"),
        });
      }
    }
    expect(data.tiers[0]?.uk.label).toBe("М’який");
  });
});

describe("POST /v1/gradation/classify", () => {
  it("classifies attributes with reasons", async () => {
    const { data } = await okJson(
      await client.v1.gradation.classify.$post({
        json: { form: "memorandum", legallyBinding: false, securityAssurances: true },
      }),
    );
    expect(data).toMatchObject({ tier: "soft", instrumentType: "assurance" });
    expect(data.reasons.length).toBeGreaterThan(0);
  });

  it("names the field at fault", async () => {
    const res = await app.request("/v1/gradation/classify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ form: "memorandum", legallyBinding: "yes" }),
    });
    const error = await expectError(res, 400);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toContainEqual(
      expect.objectContaining({ location: "json", path: "legallyBinding" }),
    );
  });

  it("refuses malformed JSON and unknown fields in the error contract", async () => {
    const broken = await app.request("/v1/gradation/classify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect((await expectError(broken, 400)).code).toBe("BAD_REQUEST");
    const extra = await app.request("/v1/gradation/classify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ form: "treaty", wibble: true }),
    });
    expect((await expectError(extra, 400)).details?.[0]?.message).toMatch(/wibble/);
  });

  it("refuses bodies over the size limit", async () => {
    const res = await app.request("/v1/gradation/classify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ form: "treaty", padding: "x".repeat(2 * 1024 * 1024) }),
    });
    expect((await expectError(res, 413)).code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("unknown routes", () => {
  it("answer 404 in the error contract", async () => {
    const error = await expectError(await app.request("/v1/nothing-here"), 404);
    expect(error.requestId).toBeTruthy();
  });
});
