import { crc32, inflateRawSync } from "node:zlib";
import fc from "fast-check";
import {
  type Bytes,
  cellValue,
  csvFaults,
  formula,
  fraction,
  hugeCell,
  junkText,
  type Lines,
  unquote,
} from "./text-faults.ts";
import { xmlAttacks } from "./xml-faults.ts";

/* Hostile workbooks for hostile-imports.test.ts: the template's zip read and written back with faulty worksheets. */

// --- XLSX: the workbook's zip, read and written ------------------------------------------------------------------

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export function readZip(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** A zip of stored (uncompressed) entries. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Half the time, other ids for the workbook's records, so that what still reads is imported (and checked). */
export const freshIds = fc.option(fc.integer({ min: 1, max: 2 ** 30 }), { freq: 2 });
export const renumbered = (text: string, n: number | null) =>
  n === null ? text : text.replaceAll("hostile-xlsx-", `hostile-xlsx-${n}-`);

/** Faults of the first worksheet's XML, written back into the workbook. */
export function sheetFaults(entries: ZipEntry[]): fc.Arbitrary<{ bytes: Bytes; faults: string[] }> {
  const sheet = entries.find((e) => /^xl\/worksheets\/sheet1\.xml$/.test(e.name));
  if (!sheet) throw new Error("the workbook has no first worksheet");
  const xml = sheet.data.toString("utf8");
  const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>.*?<\/c>/g)].map((m) => ({
    at: m.index as number,
    length: m[0].length,
    ref: m[1] as string,
  }));
  const cellAt = fc.constantFrom(...cells.filter((c) => !/^[A-Z]+1$/.test(c.ref)));
  const replaceCell = (cell: { at: number; length: number }, what: string) =>
    xml.slice(0, cell.at) + what + xml.slice(cell.at + cell.length);
  const declarationEnd = xml.indexOf("?>") + 2;
  const changed: fc.Arbitrary<{ xml: string; fault: string }> = fc.oneof(
    fc
      .tuple(cellAt, fc.constantFrom("1+1", 'HYPERLINK("http://127.0.0.1/","x")', "cmd|' /C calc'!A0", "A1"))
      .map(([cell, f]) => ({
        xml: replaceCell(cell, `<c r="${cell.ref}"><f>${f.replace(/[<&"]/g, "")}</f><v>2</v></c>`),
        fault: "a formula cell",
      })),
    fc.tuple(cellAt, fc.constantFrom("#REF!", "#DIV/0!", "#N/A", "#VALUE!")).map(([cell, e]) => ({
      xml: replaceCell(cell, `<c r="${cell.ref}" t="e"><v>${e}</v></c>`),
      fault: "an error cell",
    })),
    fc
      .tuple(cellAt, fc.constantFrom("1e309", "NaN", "12345678901234567890", "-0", "1E+25", "0.1.2", ""))
      .map(([cell, v]) => ({
        xml: replaceCell(cell, `<c r="${cell.ref}"><v>${v}</v></c>`),
        fault: "a number cell",
      })),
    fc.tuple(cellAt, fc.oneof(hugeCell, formula, junkText)).map(([cell, text]) => ({
      xml: replaceCell(cell, `<c r="${cell.ref}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`),
      fault: "a text cell",
    })),
    fc.tuple(cellAt, xmlAttacks).map(([cell, attack]) => ({
      xml: (() => {
        const withReference = replaceCell(
          cell,
          `<c r="${cell.ref}" t="inlineStr"><is><t>${attack.reference}</t></is></c>`,
        );
        return withReference.slice(0, declarationEnd) + attack.doctype + withReference.slice(declarationEnd);
      })(),
      fault: attack.name,
    })),
    fc
      .tuple(cellAt, fc.constantFrom("XFD1048576", "ZZZZ1", "A0", "1A", "", "A99999999"))
      .map(([cell, ref]) => ({
        xml: replaceCell(cell, `<c r="${ref}" t="inlineStr"><is><t>x</t></is></c>`),
        fault: "a cell out of the sheet",
      })),
    fc.tuple(cellAt, fc.integer({ min: 50, max: 50_000 })).map(([cell, depth]) => ({
      xml: replaceCell(
        cell,
        `<c r="${cell.ref}" t="inlineStr"><is>${"<r>".repeat(depth)}<t>x</t>${"</r>".repeat(depth)}</is></c>`,
      ),
      fault: "deeply nested",
    })),
    fraction.map((at) => ({
      xml: xml.slice(0, Math.floor(xml.length * at)),
      fault: "a truncated worksheet",
    })),
  );
  return fc.tuple(changed, freshIds).map(([{ xml: next, fault }, n]) => ({
    bytes: writeZip(
      entries.map((e) => (e === sheet ? { name: e.name, data: Buffer.from(renumbered(next, n)) } : e)),
    ),
    faults: [fault],
  }));
}

/** A worksheet's cell as written into its XML: text, or a number, formula, error or boolean cell, or a style. */
export type SheetCell =
  | string
  | { n: string }
  | { f: string }
  | { e: string }
  | { b: boolean }
  | { styled: string };

export const xmlText = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML cannot hold are left out
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g, "");

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A first worksheet of the given cells, in the workbook of a valid template. */
export function worksheetOf(entries: ZipEntry[], rows: SheetCell[][]): Bytes {
  const body = rows
    .map((cells, i) => {
      const r = i + 1;
      const xml = cells.map((cell, j) => {
        const ref = `${columnName(j)}${r}`;
        if (typeof cell === "string")
          return cell === "" ? "" : `<c r="${ref}" t="inlineStr"><is><t>${xmlText(cell)}</t></is></c>`;
        if ("n" in cell) return `<c r="${ref}"><v>${xmlText(cell.n)}</v></c>`;
        if ("f" in cell) return `<c r="${ref}"><f>${xmlText(cell.f)}</f><v>2</v></c>`;
        if ("e" in cell) return `<c r="${ref}" t="e"><v>${xmlText(cell.e)}</v></c>`;
        if ("b" in cell) return `<c r="${ref}" t="b"><v>${cell.b ? 1 : 0}</v></c>`;
        return `<c r="${ref}" s="${xmlText(cell.styled)}"><v>45000</v></c>`;
      });
      return `<row r="${r}">${xml.join("")}</row>`;
    })
    .join("");
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  return writeZip(
    entries.map((e) =>
      /^xl\/worksheets\/sheet1\.xml$/.test(e.name) ? { name: e.name, data: Buffer.from(sheet) } : e,
    ),
  );
}

/** Workbooks of hostile rows: the CSV faults, and cells that are formulas, errors, numbers, styles, huge text. */
export function workbookRows(
  entries: ZipEntry[],
  sample: Lines,
): fc.Arbitrary<{ bytes: Bytes; faults: string[] }> {
  const cell: fc.Arbitrary<SheetCell> = fc.oneof(
    cellValue,
    fc.constantFrom<SheetCell>(
      { f: "1+1" },
      { f: 'HYPERLINK("http://127.0.0.1/","x")' },
      { e: "#REF!" },
      { e: "#N/A" },
      { n: "1e21" },
      { n: "1152921504606846976" },
      { n: "0.30000000000000004" },
      { n: "NaN" },
      { n: "-0" },
      { b: true },
      { styled: "0" },
      { styled: "9999" },
      { styled: "-1" },
    ),
  );
  return fc
    .tuple(csvFaults(sample), fc.array(fc.tuple(fc.nat(), fc.nat(), cell), { maxLength: 3 }), freshIds)
    .map(([fault, cells, n]) => {
      const rows: SheetCell[][] = fault
        .apply(sample)
        .lines.map((line) => line.map((c) => renumbered(unquote(c), n)));
      for (const [i, j, value] of cells) {
        const row = rows[1 + (i % Math.max(rows.length - 1, 1))];
        if (row && row.length > 0) row[j % row.length] = value;
      }
      return {
        bytes: worksheetOf(entries, rows),
        faults: [fault.name, ...(cells.length > 0 ? ["cells of other kinds"] : [])],
      };
    });
}
