import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache.ts";

const value =
  (v: string, bytes = 10) =>
  async () => ({ value: v, bytes });

describe("the LRU cache", () => {
  it("computes a chart once, for all who ask at once and for those who ask later", async () => {
    const cache = new LruCache<string>();
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { value: "chart", bytes: 10 };
    };
    expect(await Promise.all(Array.from({ length: 10 }, () => cache.get("k", compute)))).toEqual(
      Array(10).fill("chart"),
    );
    expect(await cache.get("k", compute)).toBe("chart");
    expect(computed).toBe(1);
  });

  it("drops the least recently used past its entries or its bytes", async () => {
    const cache = new LruCache<string>({ maxEntries: 2, maxBytes: 100 });
    await cache.get("a", value("a"));
    await cache.get("b", value("b"));
    await cache.get("a", value("again"));
    await cache.get("c", value("c"));
    // "b" was the least recently used.
    expect(await cache.get("b", value("b drawn again"))).toBe("b drawn again");
    expect(await cache.get("c", value("not used"))).toBe("c");
    expect(cache.stats().entries).toBe(2);

    await cache.get("big", value("big", 95));
    expect(cache.stats()).toEqual({ entries: 1, bytes: 95 });
    // Larger than the whole cache: served, not kept.
    expect(await cache.get("huge", value("huge", 101))).toBe("huge");
    expect(await cache.get("huge", value("huge again", 101))).toBe("huge again");
  });

  it("keeps no failure: the next caller computes again", async () => {
    const cache = new LruCache<string>();
    const failing = async (): Promise<{ value: string; bytes: number }> => {
      throw new Error("busy");
    };
    await expect(Promise.all([cache.get("k", failing), cache.get("k", failing)])).rejects.toThrow("busy");
    expect(await cache.get("k", value("drawn"))).toBe("drawn");
  });
});
