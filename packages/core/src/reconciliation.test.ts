import { describe, expect, it } from "vitest";
import { reconcile } from "./reconciliation.ts";

const table = [
  {
    id: "m777",
    name: "M777",
    kielCategory: "Howitzers",
    kiel: ["M777 howitzer"],
    sipri: ["UFH/M-777 155mm"],
    note: "test",
  },
];

describe("reconcile", () => {
  it("compares Kiel's count with SIPRI's delivered count by exact names, and leaves other names unmatched", () => {
    const r = reconcile(
      table,
      [
        { donor: "US", item: "M777 howitzer", count: 183, locators: ["k1"] },
        { donor: "AU", item: "M777 howitzer", count: 6, locators: ["k2"] },
        { donor: "CA", item: "M777 howitzer", count: 4, locators: ["k3"] },
        { donor: "US", item: "M777 Howitzer", count: 1, locators: ["k4"] },
      ],
      [
        { donor: "US", designation: "UFH/M-777 155mm", ordered: 183, delivered: 170, locators: ["s1"] },
        { donor: "AU", designation: "UFH/M-777 155mm", ordered: 6, delivered: 6, locators: ["s2"] },
        { donor: "GB", designation: "UFH/M-777 155mm", ordered: 2, delivered: 0, locators: ["s3"] },
      ],
    );
    expect(r.systems.map((s) => [s.donor, s.status, s.difference])).toEqual([
      ["AU", "agree", 0],
      ["CA", "only_kiel", null],
      ["GB", "only_sipri", null],
      ["US", "differ", 13],
    ]);
    expect(r.unmatched.kiel.map((k) => k.item)).toEqual(["M777 Howitzer"]);
    expect(r.unmatched.sipri).toEqual([]);
  });
});
