import { describe, expect, it } from "vitest";
import { formatList } from "./format-list.ts";
import { formatById, formats } from "./formats.ts";
import { bytes, collect } from "./testing.ts";

describe("the formats registry", () => {
  it("lists each format once, with its media types, extensions and importer version", () => {
    expect(new Set(formats.map((f) => f.id)).size).toBe(formats.length);
    for (const format of formats) {
      expect(format.label).not.toBe("");
      expect(format.mediaTypes.length).toBeGreaterThan(0);
      expect(format.extensions.every((e) => e.startsWith("."))).toBe(true);
      expect(format.importerVersion).toMatch(/^[a-z-]+\/\d+$/);
      expect(formatById(format.id as string)).toBe(format);
    }
    expect(formatById("nope")).toBeUndefined();
    // The browser's list (format-list.ts) is the registry's, in the same order.
    expect(formats.map((f) => f.id)).toEqual(formatList.map((f) => f.id));
  });

  it("parses through the registry as through the function", async () => {
    const format = formatById("template-csv");
    if (!format) throw new Error("no template format");
    const out = await collect(format.parse(bytes("record,id\r\n"), {}));
    expect(out.items).toEqual([]);
  });
});
