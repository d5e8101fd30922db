import { describe, expect, it } from "vitest";
import { csvLine } from "./csv.ts";
import { parseTemplateCsv } from "./template.ts";
import { templateColumnNames } from "./template-columns.ts";

const rows = 200_000;

describe("streaming", () => {
  it("parses a 200,000-row template CSV as it arrives, never reading far ahead of what it has yielded", {
    timeout: 300_000,
  }, async () => {
    let produced = 0;
    let chunks = 0;
    // The file, generated lazily in ~64 KB chunks: it exists only as the parser pulls it.
    async function* file(): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      let chunk = csvLine(templateColumnNames);
      for (let i = 0; i < rows; i++) {
        const values: Partial<Record<string, string>> = {
          record: "commitment",
          id: `c-${i}`,
          donor: "DK",
          category: "ammunition.artillery_155mm",
          title: `Shells, lot ${i}, "quoted", with a comma`,
          quantity: String(1000 + (i % 977)),
          unit: "rounds",
          item: "155mm shells",
          source_title: "Generated for the streaming test",
          source_kind: "synthetic",
          source_locator: `row ${i + 2}`,
          synthetic: "true",
        };
        chunk += csvLine(templateColumnNames.map((name) => values[name] ?? ""));
        produced = i + 1;
        if (chunk.length >= 65_536) {
          chunks++;
          yield encoder.encode(chunk);
          chunk = "";
        }
      }
      if (chunk !== "") yield encoder.encode(chunk);
    }

    let items = 0;
    let total = 0;
    let maxLead = 0;
    for await (const item of parseTemplateCsv(file())) {
      if (!("records" in item)) throw new Error(JSON.stringify(item));
      items++;
      const [commitment] = item.records.commitments;
      total += Number(commitment?.measure.kind === "quantity" ? commitment.measure.count : 0);
      // Row r of the file is data row r - 1; how far the source has been read beyond the row just yielded.
      maxLead = Math.max(maxLead, produced - (item.row - 1));
    }
    expect(items).toBe(rows);
    let expected = 0;
    for (let i = 0; i < rows; i++) expected += 1000 + (i % 977);
    expect(total).toBe(expected);
    expect(chunks).toBeGreaterThan(300);
    // At most a chunk or two ahead (a chunk holds about 250 rows), never the whole file.
    expect(maxLead).toBeLessThan(1_000);
  });
});
