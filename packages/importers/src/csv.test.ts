import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine, isFormulaLike, neutraliseCell, readCsv, restoreCell } from "./csv.ts";

async function* chunks(text: string, sizes: number[] = []): AsyncGenerator<string> {
  let i = 0;
  for (const size of sizes) {
    if (i >= text.length) break;
    yield text.slice(i, i + size);
    i += size;
  }
  if (i < text.length) yield text.slice(i);
}

async function records(text: string, sizes?: number[], options = {}) {
  const out = [];
  for await (const record of readCsv(chunks(text, sizes), options)) out.push(record);
  return out;
}

const tricky = fc.oneof(
  fc.string(),
  fc
    .array(
      fc.constantFrom("=", "+", "-", "@", "'", '"', ",", "\r", "\n", "\r\n", "\t", " ", "a", "é", "€", "𝔘"),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join("")),
);

describe("writing CSV cells (RFC 4180, formula-safe)", () => {
  it("quotes cells with quotes, commas and line breaks, and ends lines with CRLF", () => {
    expect(csvLine(["a", 'say "hi"', "x,y", "two\nlines", ""])).toBe(
      'a,"say ""hi""","x,y","two\nlines",\r\n',
    );
  });

  it("neutralises formula-leading cells with an apostrophe, and escapes a leading apostrophe too", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutraliseCell(`${lead}1`)).toBe(`'${lead}1`);
    }
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(neutraliseCell("'quoted")).toBe("''quoted");
    expect(neutraliseCell("plain")).toBe("plain");
    expect(isFormulaLike(neutraliseCell("=1+1"))).toBe(false);
  });

  it("restores exactly what it neutralised, for any value", () => {
    fc.assert(fc.property(tricky, (value) => restoreCell(neutraliseCell(value)) === value));
  });
});

describe("reading CSV", () => {
  it("reads rows back as written, however the text is split into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(tricky, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 40 }),
        async (rows, sizes) => {
          // A row of one empty cell is a blank line, which reads back as such: skip that ambiguous shape.
          const written = rows.filter((row) => !(row.length === 1 && row[0] === ""));
          const text = written.map(csvLine).join("");
          const read = await records(text, sizes);
          expect(read.map((r) => r.cells.map(restoreCell))).toEqual(written);
          expect(read.every((r) => r.problems.length === 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the line each record starts on, counting line breaks inside quoted cells", async () => {
    const text = 'h1,h2\r\n"a\r\nb\nc\rd",x\r\nnext,row\n\nlast,"one"';
    const read = await records(text, [3, 1, 1, 5, 2]);
    expect(read.map((r) => [r.line, r.cells])).toEqual([
      [1, ["h1", "h2"]],
      [2, ["a\r\nb\nc\rd", "x"]],
      [6, ["next", "row"]],
      [7, [""]],
      [8, ["last", "one"]],
    ]);
  });

  it("reports a stray quote, text after a closing quote and an unclosed quote, and keeps going", async () => {
    const read = await records('a,b\r\nx"y,z\r\n"q"r,1\r\nok,ok\r\n"never closed,1\r\nmore,rows\r\n');
    expect(read.map((r) => [r.line, r.problems.map((p) => p.message)])).toEqual([
      [1, []],
      [2, ['a double quote (") inside an unquoted cell']],
      [3, ["text after the closing quote of a quoted cell"]],
      [4, []],
      [5, ["a quote opened on line 5 is never closed: the rest of the file was read as one cell"]],
    ]);
  });

  it("caps a huge cell, keeps only the allowed part and reads the next rows", async () => {
    const huge = "x".repeat(100_000);
    const read = await records(`a,b\r\n${huge},1\r\n"${huge}",2\r\nc,d\r\n`, [], { maxCellLength: 1000 });
    expect(read).toHaveLength(4);
    expect(read[1]?.cells[0]).toHaveLength(1000);
    expect(read[1]?.problems[0]?.message).toMatch(/longer than 1000 characters/);
    expect(read[2]?.cells[1]).toBe("2");
    expect(read[3]?.cells).toEqual(["c", "d"]);
  });

  it("caps the cells of a row", async () => {
    const read = await records(`${",".repeat(5000)}\r\nnext\r\n`, [], { maxCells: 100 });
    expect(read[0]?.cells).toHaveLength(100);
    expect(read[0]?.problems).toHaveLength(1);
    expect(read[1]?.cells).toEqual(["next"]);
  });
});
