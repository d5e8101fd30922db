import { categoryIds, words } from "@commitments/core";
import { testClient } from "hono/testing";
import { describe, expect, it } from "vitest";
import { okJson } from "../../../test/expect-error.ts";
import { createApp } from "../../app.ts";

// The taxonomy is static: no database is read, so an unconnected handle is enough.
const client = testClient(createApp({ db: undefined as never }));

describe("GET /v1/categories", () => {
  it("lists every category, parents first, in the vocabulary's words in English and Ukrainian", async () => {
    const { data } = await okJson(await client.v1.categories.$get());
    expect(data.map((c) => c.id)).toEqual([...categoryIds]);
    for (const category of data) {
      expect([category.label, category.description]).toEqual([
        words("category", category.id, "en").label,
        words("category", category.id, "en").description,
      ]);
      expect(category.uk).toEqual(words("category", category.id, "uk"));
    }
    const rockets = data.find((c) => c.id === "ammunition.rockets");
    expect(rockets).toMatchObject({
      parent: "ammunition",
      label: "Rockets",
      uk: { label: "Реактивні снаряди" },
    });
  });
});
