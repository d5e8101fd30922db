import fc from "fast-check";
import { junkText, pollutionKeys, tooLong } from "./json-faults.ts";

/* Malformed input of the write routes that take no JSON: the rates CSV, import files and headers (hostile-writes.test.ts). */

// --- Faults of the routes that take no JSON ------------------------------------------------------------------------

/** The ECB rates CSV, with one line made wrong: the 1-based line the refusal must name, or 1 for the header. */
export function ratesCsvFaults(
  base: string,
): fc.Arbitrary<{ body: string | Uint8Array; line: number | null; kind: string }> {
  const lines = base.trimEnd().split("\n");
  const decimal = /^-?(0|[1-9]\d{0,19})(\.\d{1,10})?$/;
  const cellJunk = fc
    .oneof(
      junkText,
      fc.constantFrom(
        '"1.0830"',
        '"1.08',
        "=1+2",
        "+1.08",
        "@1",
        "-",
        "1,08",
        "1.0830.1",
        "١٫٠٨",
        "0",
        "-1.08",
      ),
      tooLong(5_000),
    )
    .map((s) => s.replace(/[,\r\n#]/g, ";"))
    .filter((s) => {
      const t = s.trim();
      return t !== "" && t.toUpperCase() !== "N/A" && (!decimal.test(t) || Number(t) <= 0);
    });
  const dateJunk = fc
    .oneof(
      junkText,
      fc.constantFrom("2023-02-30", "2023-13-01", "01/03/2023", "2023-3-1", "'2023-03-01", "=DATE(2023,3,1)"),
    )
    .map((s) => s.replace(/[,\r\n#]/g, ";"))
    .filter(
      (s) =>
        !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s.trim()) &&
        s.trim() !== "" &&
        !/^\d{1,2} [A-Za-z]+ \d{4}$/.test(s.trim()),
    );
  const row = fc.integer({ min: 1, max: lines.length - 1 });
  const setCell = (lineIndex: number, cell: number, value: string) =>
    lines
      .map((line, i) =>
        i === lineIndex
          ? line
              .split(",")
              .map((c, j) => (j === cell ? value : c))
              .join(",")
          : line,
      )
      .join("\n");
  return fc.oneof(
    fc.tuple(row, fc.integer({ min: 1, max: 2 }), cellJunk).map(([i, cell, value]) => ({
      body: setCell(i, cell, value),
      line: i + 1,
      kind: "a rate that is not a positive decimal",
    })),
    fc
      .tuple(row, dateJunk)
      .map(([i, value]) => ({ body: setCell(i, 0, value), line: i + 1, kind: "not a date" })),
    fc
      .oneof(junkText, fc.constantFrom("Datum", "Date;USD", "\uFEFF\uFEFFDate", "=Date", "TIME_PERIOD"))
      .map((s) => s.replace(/[,\r\n#]/g, ";"))
      .filter((s) => s.trim().toLowerCase() !== "date" && s.trim() !== "")
      .map((value) => ({ body: setCell(0, 0, value), line: 1, kind: "header without Date" })),
    fc.constant({
      body: `${lines[0]},EUR\n${lines.slice(1).join("\n")}\n`,
      line: 1,
      kind: "EUR as a column",
    }),
    // The whole file in UTF-16: the header's first cell is no longer "Date".
    fc.constantFrom("utf16le", "utf16be").map((encoding) => {
      const le = Buffer.from(`\uFEFF${base}`, "utf16le");
      return { body: encoding === "utf16le" ? le : le.swap16(), line: 1, kind: "UTF-16" };
    }),
    // Latin-1 bytes in a rate: not UTF-8, not a number.
    row.map((i) => ({
      body: Buffer.concat([Buffer.from(setCell(i, 1, "@@")), Buffer.from([0xe9, 0xa3])])
        .toString("latin1")
        .replace("@@", "1.0\u00e9"),
      line: i + 1,
      kind: "Latin-1 bytes",
    })),
    // Cut inside a date: the last line's date is no date.
    fc.integer({ min: 1, max: 9 }).map((cut) => {
      const start = base.trimEnd().lastIndexOf("\n") + 1;
      return { body: base.slice(0, start + cut), line: lines.length, kind: "truncated" };
    }),
    fc.constant({ body: "\u0000".repeat(10), line: 1, kind: "binary junk" }),
  );
}

/** Import requests malformed in their query, headers or file; the file faults are all certain refusals. */
export function importFaults(base: string): fc.Arbitrary<{
  query: Record<string, string>;
  body: string | Uint8Array;
  contentType: string;
  importId?: string;
  at: { location: string; path: string } | { location: "body" };
  kind: string;
}> {
  const query = { format: "template-csv", name: "hostile.csv" };
  const queryKeys = [
    "format",
    "dryRun",
    "name",
    "release",
    "releasePeriod",
    "releaseDate",
    "donor",
    "recipient",
  ];
  const badQuery = fc.oneof(
    fc
      .tuple(
        fc.constantFrom("format", "dryRun", "releasePeriod", "releaseDate", "donor", "recipient"),
        junkText,
      )
      .filter(
        ([key, value]) =>
          !(
            key === "format" &&
            [
              "template-csv",
              "template-xlsx",
              "sipri-trade-register",
              "kiel-data-explorer",
              "kiel-weapons",
              "iati-activity",
            ].includes(value)
          ) &&
          !(key === "dryRun" && ["true", "false"].includes(value)) &&
          !(key === "releasePeriod" && /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value)) &&
          !(key === "releaseDate" && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) &&
          !((key === "donor" || key === "recipient") && /^[A-Z][A-Z0-9_]{1,15}$/.test(value)),
      ),
    fc.tuple(
      fc.constantFrom("name", "release"),
      fc.oneof(
        fc.integer({ min: 301, max: 20_000 }).map((n) => "x".repeat(n)),
        fc.constantFrom("", "   ", "\u0000", "a\u0000b"),
      ),
    ),
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom(...pollutionKeys, "formats", "dry_run", "Format"),
          fc.string({ minLength: 1, maxLength: 20 }),
        ),
        junkText,
      )
      .filter(([key]) => !queryKeys.includes(key)),
  );
  const file = (
    format: string,
    contentType: string,
    body: string | Uint8Array,
    extra: Record<string, string> = {},
  ) => ({
    query: { format, name: "hostile", ...extra },
    body,
    contentType,
    at: { location: "body" } as const,
    kind: `a refused ${format} file`,
  });
  const kiel = { release: "Release 25", releasePeriod: "2025-06", releaseDate: "2025-07-10" };
  const files = fc.oneof(
    // Template: a formula-leading cell, a column it does not have, a row kind it does not know, bytes not UTF-8.
    fc
      .constantFrom("=", "+", "-", "@")
      .map((lead) => file("template-csv", "text/csv", base.replace("An imported", `${lead}An imported`))),
    junkText.map((junk) => file("template-csv", "text/csv", `record,id,${junk.replace(/[,"\r\n]/g, "")}x\n`)),
    fc.constant(file("template-csv", "text/csv", `${base}sideways,x\n`)),
    fc.constant(
      file("template-csv", "text/csv", Buffer.concat([Buffer.from(base), Buffer.from([0xff, 0xfe])])),
    ),
    fc
      .nat({ max: base.length - 1 })
      .map((cut) => file("template-csv", "text/csv", `${base.slice(0, cut)}"unclosed`)),
    // XLSX: not a workbook at all.
    fc
      .uint8Array({ minLength: 1, maxLength: 2000 })
      .map((bytes) => file("template-xlsx", "application/octet-stream", bytes)),
    // SIPRI and Kiel: text that is not their layout.
    junkText.map((junk) => file("sipri-trade-register", "text/csv", `${junk}\nnot,a,register\n`)),
    junkText.map((junk) =>
      file("kiel-weapons", "text/csv", `${junk.replace(/[\r\n]/g, "")}x,y\n1,2\n`, kiel),
    ),
    // IATI: a DOCTYPE (an XML bomb, an external entity), or no XML at all.
    fc
      .constantFrom(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><iati-activities>&lol2;</iati-activities>',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><iati-activities><iati-activity>&xxe;</iati-activity></iati-activities>',
        "<iati-activities><iati-activity>",
        "not xml at all",
      )
      .map((xml) => file("iati-activity", "application/xml", xml, { donor: "GB" })),
  );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: badQuery.map(([key, value]) => ({
        query: { ...query, [key]: value },
        body: base,
        contentType: "text/csv",
        at: { location: "query", path: key },
        kind: "a query parameter",
      })),
    },
    // Kiel needs its release: each missing part is named.
    {
      weight: 1,
      arbitrary: fc.subarray(["release", "releasePeriod", "releaseDate"], { maxLength: 2 }).map((given) => ({
        query: {
          format: "kiel-weapons",
          ...Object.fromEntries(given.map((k) => [k, kiel[k as keyof typeof kiel]])),
        },
        body: "Country,Category\n",
        contentType: "text/csv",
        at: {
          location: "query",
          path: ["release", "releasePeriod", "releaseDate"].find((k) => !given.includes(k)) as string,
        },
        kind: "a Kiel release missing",
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ minLength: 1, maxLength: 60 })
        .filter(
          (s) =>
            /^[\x20-\x7e]+$/.test(s.trim()) &&
            !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s.trim()),
        )
        .map((importId) => ({
          query,
          body: base,
          contentType: "text/csv",
          importId,
          at: { location: "header", path: "x-import-id" },
          kind: "an import id that is no UUID",
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "application/json",
          "text/plain",
          "application/xml",
          "multipart/form-data",
          "application/x-www-form-urlencoded",
          "image/png",
        )
        .map((contentType) => ({
          query,
          body: base,
          contentType,
          at: { location: "header", path: "content-type" },
          kind: "a media type not the format's",
        })),
    },
    { weight: 2, arbitrary: files },
  );
}

export const junkHeader = fc
  .oneof(
    fc.string({ maxLength: 80 }),
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    fc.constantFrom("", "null", "undefined", "*"),
  )
  .filter((s) => /^[\x20-\x7e]*$/.test(s));
