import { describe, expect, it } from "vitest";
import { savedOf } from "./saved.ts";

describe("what a record form's write answered", () => {
  it("reads a commitment under its detail's `commitment`", () => {
    const data = { commitment: { id: "gb-air-defence", version: 1, status: "draft" as const } };
    expect(savedOf("commitment", 201, undefined, data)).toEqual({
      kind: "commitment",
      id: "gb-air-defence",
      version: 1,
      status: "draft",
    });
  });

  it("reads a tranche or a stage event as itself, though it names its commitment", () => {
    // Its `commitment` is the id of the commitment it belongs to, not the record saved.
    const event = { id: "gb-delivery-1", version: 1, status: "draft" as const, commitment: "gb-air-defence" };
    expect(savedOf("event", 201, undefined, event)).toEqual({
      kind: "event",
      id: "gb-delivery-1",
      version: 1,
      status: "draft",
    });
    const tranche = {
      id: "gb-tranche-1",
      version: 3,
      status: "draft" as const,
      commitment: "gb-air-defence",
    };
    expect(savedOf("tranche", 200, undefined, tranche)).toMatchObject({ id: "gb-tranche-1", version: 3 });
  });

  it("reads a change of a published record as the proposal it became, the record as it was", () => {
    const proposal = { id: "proposal-1", target: { id: "gb-delivery-1" } };
    expect(savedOf("event", 202, { id: "gb-delivery-1", version: 4, status: "published" }, proposal)).toEqual(
      {
        kind: "event",
        id: "gb-delivery-1",
        version: 4,
        status: "published",
        proposal: "proposal-1",
      },
    );
  });
});
