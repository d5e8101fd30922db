import { comparePartialDates } from "@commitments/core";
import { describe, expect, it } from "vitest";
import { comparePartialDateText, oldestFirst } from "./order.ts";

describe("the order of deliveries to confirm", () => {
  it("orders partial dates as core does", () => {
    const dates = ["2024-02", "2023", "2024-01-31", "2024", "2024-01", "2024-01-01", "2025-12-31", "2024-12"];
    const sign = (n: number) => Math.sign(n);
    for (const a of dates)
      for (const b of dates)
        expect(sign(comparePartialDateText(a, b)), `${a} vs ${b}`).toBe(sign(comparePartialDates(a, b)));
  });

  it("puts the oldest first, by id on the same date", () => {
    const items = [
      { id: "b", date: "2024-05" },
      { id: "c", date: "2023-11-21" },
      { id: "a", date: "2024-05" },
      { id: "d", date: "2024" },
    ];
    expect(oldestFirst(items).map((i) => i.id)).toEqual(["c", "d", "a", "b"]);
  });
});
