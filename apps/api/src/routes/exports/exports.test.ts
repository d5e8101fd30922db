import { stageIds, words } from "@commitments/core";
import { commitmentEntity, createRecords, eventEntity, withChangeSet } from "@commitments/db";
import { parseTemplateCsv, parseTemplateXlsx } from "@commitments/importers";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  bytesOf,
  collectRecords,
  type Json,
  parseCsv,
  recordsOfJson,
  sorted,
  table,
} from "../../../test/export-readers.ts";
import {
  createTestAccount,
  expectError,
  okJson,
  send,
  type TestAccount,
  testTargets,
  useApp,
} from "../../../test/testing.ts";

/*
 * Exports: the records in the tracker's own template import back to the same records; no cell of a CSV export
 * can run as a formula; every row carries its flags, the dataset version and the moment; a past moment gives
 * what the tracker showed then; the series export agrees with GET /v1/series; drafts never appear; and the data
 * dictionary documents every column.
 */

const eur = (amount: string) => ({ kind: "money", amount, currency: "EUR" });
const shells = (count: string) => ({ kind: "quantity", count, unit: "rounds", item: "155mm shells" });
const sources = [{ title: "Export fixture, not a real figure", kind: "research" }];

describe.each(testTargets())("exports on $name", (target) => {
  const ctx = useApp(target);
  let analyst: TestAccount;
  let editor: TestAccount;
  /** The LU records as exported before the correction. */
  let before: { meta: Json; data: Json[] };

  const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });
  const text = async (path: string) => {
    const response = await get(path);
    expect(response.status, await response.clone().text()).toBe(200);
    return { response, text: await response.text() };
  };
  const jsonExport = async (path: string) => (await okJson(await get(path))) as Json;

  beforeAll(async () => {
    const db = ctx.database.db;
    analyst = await createTestAccount(db, { kind: "ngo", name: "Export NGO", roles: ["ngo_analyst"] });
    editor = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "LU ministry",
      party: "LU",
      roles: ["ministry_editor"],
    });
    const writes: [string, unknown][] = [
      [
        "/v1/commitments",
        {
          id: "export-formula",
          donor: "LU",
          title: '=HYPERLINK("http://evil")',
          category: "ammunition",
          measure: eur("1000000"),
          period: { start: "2024", end: "2025" },
          conditions: ["-2 parliamentary approval"],
          sources: [
            { title: "@SUM(A1)", kind: "official", url: "https://example.org/a", published: "2024-02" },
            { title: "A second source", kind: "media", quote: "+1 more" },
          ],
          schedule: [
            { due: "2024-06", measure: eur("500000"), note: "+1" },
            { due: "2024-12", measure: eur("500000") },
          ],
        },
      ],
      [
        "/v1/events",
        {
          id: "export-committed",
          commitment: "export-formula",
          stage: "committed",
          date: "2024-03",
          measure: eur("1000000"),
          confidence: "reported_by_donor",
          note: "-2",
          sources,
        },
      ],
      [
        "/v1/events",
        {
          id: "export-estimated",
          commitment: "export-formula",
          stage: "delivered",
          date: "2024-05-10",
          measure: eur("400000"),
          confidence: "estimated",
          note: "@SUM(A1)",
          sources,
        },
      ],
      [
        "/v1/events",
        {
          id: "export-disputed",
          commitment: "export-formula",
          stage: "delivered",
          date: "2024-08",
          measure: eur("100000"),
          confidence: "reported_by_donor",
          sources,
        },
      ],
      [
        "/v1/commitments",
        {
          id: "export-synthetic",
          donor: "LU",
          title: "Synthetic shells",
          category: "ammunition.artillery_155mm",
          measure: shells("1000"),
          sources: [{ title: "Generated", kind: "synthetic" }],
          synthetic: true,
        },
      ],
      [
        "/v1/events",
        {
          id: "export-synthetic-delivered",
          commitment: "export-synthetic",
          stage: "delivered",
          date: "2024-04",
          measure: shells("500"),
          confidence: "reported_by_donor",
          sources: [{ title: "Generated", kind: "synthetic" }],
          synthetic: true,
        },
      ],
    ];
    for (const [path, body] of writes) {
      const response = await send(ctx.app, "POST", path, body);
      expect(response.status, await response.clone().text()).toBe(201);
    }
    // An NGO disputes one delivery.
    const disputed = await send(
      ctx.app,
      "POST",
      "/v1/disputes",
      {
        target: { kind: "event", id: "export-disputed" },
        statement: "Our count puts this delivery at EUR 50,000.",
        figure: eur("50000"),
        sources: [{ title: "Export NGO count", kind: "research" }],
      },
      analyst.headers,
    );
    expect(disputed.status, await disputed.clone().text()).toBe(201);
    // A ministry's drafts: a commitment of its own, and an event on a published commitment of its donor.
    for (const [path, body] of [
      [
        "/v1/commitments",
        {
          id: "export-draft",
          donor: "LU",
          title: "Draft line",
          category: "ammunition",
          measure: eur("7"),
          sources,
        },
      ],
      [
        "/v1/events",
        {
          id: "export-draft-event",
          commitment: "export-formula",
          stage: "delivered",
          date: "2024-10",
          measure: eur("7"),
          confidence: "reported_by_donor",
          sources,
        },
      ],
    ] as const) {
      const response = await send(ctx.app, "POST", path, body, editor.headers);
      expect(response.status, await response.clone().text()).toBe(201);
      const { data } = (await response.json()) as Json;
      expect((path === "/v1/commitments" ? data.commitment : data).status).toBe("draft");
    }
    before = await jsonExport("/v1/exports/records.json?donor=LU");
    // Then a correction.
    const corrected = await send(
      ctx.app,
      "PATCH",
      "/v1/commitments/export-synthetic",
      { set: { title: "Synthetic shells, corrected" }, reason: "a better title" },
      { "if-match": '"1"' },
    );
    expect(corrected.status, await corrected.clone().text()).toBe(200);
  });

  it("CSV: an export imports back to the same records as the JSON export and the API give", async () => {
    const { text: csv } = await text("/v1/exports/records.csv");
    const read = await collectRecords(parseTemplateCsv(bytesOf(Buffer.from(csv))));
    expect(read.problems).toEqual([]);
    const all = await jsonExport("/v1/exports/records.json");
    // The reference dataset's commitments and ours.
    expect(all.data.filter((d: Json) => d.commitment.donor !== "LU").length).toBeGreaterThan(0);
    expect(read.records.commitments.length).toBe(all.data.length);
    expect(sorted(read.records)).toEqual(recordsOfJson(all.data));
    // The JSON export gives each commitment as GET /v1/commitments/{id} does, events flagged.
    const entry = all.data.find((d: Json) => d.commitment.id === "export-formula");
    const { data: detail } = (await okJson(await get("/v1/commitments/export-formula"))) as Json;
    expect({
      ...entry,
      events: entry.events.map(({ estimated: _, ...e }: Json) => e),
    }).toEqual(detail);
    expect(entry.events.map((e: Json) => [e.id, e.estimated, e.disputed])).toEqual([
      ["export-committed", false, false],
      ["export-estimated", true, false],
      ["export-disputed", false, true],
    ]);
  });

  it("XLSX: an export imports back to the same records, with an About sheet to cite it", async () => {
    const response = await get("/v1/exports/records.xlsx?donor=LU");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    const read = await collectRecords(parseTemplateXlsx(bytesOf(bytes)));
    expect(read.problems).toEqual([]);
    const lu = await jsonExport("/v1/exports/records.json?donor=LU");
    expect(sorted(read.records)).toEqual(recordsOfJson(lu.data));
    expect(read.records.commitments.map((c) => c.id).sort()).toEqual(["export-formula", "export-synthetic"]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["records", "About"]);
    const about = new Map<string, string>();
    workbook.getWorksheet("About")?.eachRow((row) => {
      about.set(String(row.getCell(1).value), String(row.getCell(2).value ?? ""));
    });
    const version = response.headers.get("x-dataset-version");
    expect(about.get("Dataset version")).toBe(version);
    expect(about.get("As of")).toBe(response.headers.get("x-as-of"));
    expect(about.get("Citation")).toBe(response.headers.get("x-citation"));
    expect(about.get("Citation")).toContain(`dataset version ${version}`);
    expect(about.get("Sources")).toContain("source_");
    expect(about.get("Licence")).toContain("AGPL-3.0-or-later");
    // Text cells only: the formula-like title is a string, not a formula.
    const records = workbook.getWorksheet("records");
    const titles: unknown[] = [];
    records?.eachRow((row) => {
      titles.push(row.getCell(8).value);
    });
    expect(titles).toContain('=HYPERLINK("http://evil")');
  });

  it("writes no CSV cell a spreadsheet could run as a formula", async () => {
    for (const path of [
      "/v1/exports/records.csv",
      "/v1/exports/records.csv?donor=LU&bom=true",
      "/v1/exports/series.csv?groupBy=donor",
    ]) {
      const { text: csv } = await text(path);
      const rows = parseCsv(csv.replace(/^\uFEFF/, ""));
      const risky = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
      expect(risky, path).toEqual([]);
    }
    const { text: csv } = await text("/v1/exports/records.csv?donor=LU");
    const rows = table(parseCsv(csv));
    const cell = (record: string, id: string, column: string) =>
      rows.find((r) => r.record === record && r.id === id)?.[column];
    expect(cell("commitment", "export-formula", "title")).toBe(`'=HYPERLINK("http://evil")`);
    expect(cell("commitment", "export-formula", "source_title")).toBe("'@SUM(A1)");
    expect(cell("source", "export-formula", "source_quote")).toBe("'+1 more");
    expect(cell("condition", "export-formula", "condition")).toBe("'-2 parliamentary approval");
    expect(cell("tranche", "export-formula-t1", "note")).toBe("'+1");
    expect(cell("event", "export-committed", "note")).toBe("'-2");
    expect(cell("event", "export-estimated", "note")).toBe("'@SUM(A1)");
    // The raw text holds the quoted, neutralised title as RFC 4180 writes it.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it("is RFC 4180 in UTF-8 with CRLF, a byte order mark only on request, and named by its dataset version", async () => {
    const plain = await text("/v1/exports/records.csv?donor=LU");
    expect(plain.text.startsWith("record,id,")).toBe(true);
    expect(() => parseCsv(plain.text)).not.toThrow();
    expect(plain.response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const version = plain.response.headers.get("x-dataset-version");
    expect(plain.response.headers.get("content-disposition")).toBe(
      `attachment; filename="commitments-tracker-records-v${version}.csv"`,
    );
    const bom = await get("/v1/exports/records.csv?donor=LU&bom=true");
    expect(new Uint8Array(await bom.arrayBuffer()).subarray(0, 3)).toEqual(
      new Uint8Array([0xef, 0xbb, 0xbf]),
    );
    const series = await get("/v1/exports/series.json");
    expect(series.headers.get("content-disposition")).toMatch(
      /^attachment; filename="commitments-tracker-series-v\d+\.json"$/,
    );
  });

  it("flags every row: synthetic, estimated, disputed", async () => {
    const { text: csv } = await text("/v1/exports/records.csv?donor=LU");
    const rows = table(parseCsv(csv));
    const flags = (record: string, id: string) => {
      const r = rows.find((x) => x.record === record && x.id === id);
      return r && [r.synthetic, r.estimated, r.disputed];
    };
    expect(flags("commitment", "export-formula")).toEqual(["false", "", "false"]);
    expect(flags("commitment", "export-synthetic")).toEqual(["true", "", "false"]);
    expect(flags("event", "export-synthetic-delivered")).toEqual(["true", "false", "false"]);
    expect(flags("event", "export-committed")).toEqual(["false", "false", "false"]);
    expect(flags("event", "export-estimated")).toEqual(["false", "true", "false"]);
    expect(flags("event", "export-disputed")).toEqual(["false", "false", "true"]);
    expect(flags("tranche", "export-formula-t1")).toEqual(["", "", "false"]);
    // The synthetic commitment's title was corrected once: version 2.
    expect(rows.find((r) => r.record === "commitment" && r.id === "export-synthetic")?.version).toBe("2");
    expect(rows.find((r) => r.record === "source" && r.id === "export-formula")?.version).toBe("1");
  });

  it("carries the dataset version and the moment on every row, and shows a past moment as it was", async () => {
    const now = await text("/v1/exports/records.csv?donor=LU");
    const version = Number(now.response.headers.get("x-dataset-version"));
    const asOf = now.response.headers.get("x-as-of") as string;
    const rows = table(parseCsv(now.text));
    expect(new Set(rows.map((r) => r.dataset_version))).toEqual(new Set([String(version)]));
    expect(new Set(rows.map((r) => r.as_of))).toEqual(new Set([asOf]));
    expect(now.response.headers.get("x-citation")).toBe(
      `Commitments tracker, records export, dataset version ${version}, as of ${asOf}: http://localhost/v1/exports/records.csv?donor=LU&asOf=${encodeURIComponent(asOf)}`,
    );
    const title = (r: Record<string, string>[]) =>
      r.find((x) => x.record === "commitment" && x.id === "export-synthetic")?.title;
    expect(title(rows)).toBe("Synthetic shells, corrected");

    // Before the correction: the old title, and the dataset version of then.
    expect(before.meta.datasetVersion).toBe(version - 1);
    const then = await text(`/v1/exports/records.csv?donor=LU&asOf=${encodeURIComponent(before.meta.asOf)}`);
    const thenRows = table(parseCsv(then.text));
    expect(title(thenRows)).toBe("Synthetic shells");
    expect(then.response.headers.get("x-dataset-version")).toBe(String(before.meta.datasetVersion));
    expect(new Set(thenRows.map((r) => r.dataset_version))).toEqual(new Set([String(version - 1)]));
    expect(new Set(thenRows.map((r) => r.as_of))).toEqual(new Set([before.meta.asOf]));
    // The JSON export of then, read again now, is the same.
    expect(await jsonExport(`/v1/exports/records.json?donor=LU&asOf=${before.meta.asOf}`)).toEqual({
      ...before,
      meta: { ...before.meta, url: expect.any(String), citation: expect.any(String) },
    });
    expect(before.meta).toMatchObject({
      filters: { donor: "LU" },
      citation: expect.stringContaining(`dataset version ${version - 1}`),
      dictionary: "http://localhost/v1/exports/dictionary",
    });
  });

  it("gives the series as GET /v1/series does, with the flags of every point", async () => {
    for (const query of [
      "groupBy=donor&interval=quarter",
      "groupBy=category&currency=original&donor=LU",
      "measure=quantity&donor=LU&interval=year",
    ]) {
      const { data: series, meta } = (await okJson(await get(`/v1/series?${query}`))) as Json;
      const exported = await jsonExport(`/v1/exports/series.json?${query}`);
      expect(exported.meta.datasetVersion).toBe(meta.datasetVersion);
      const unflagged = {
        ...exported.data,
        groups: exported.data.groups.map((g: Json) => ({
          ...g,
          points: g.points.map(({ synthetic: _s, estimated: _e, disputed: _d, ...p }: Json) => p),
        })),
      };
      expect(unflagged).toEqual(series);

      const { text: csv, response } = await text(`/v1/exports/series.csv?${query}`);
      const rows = table(parseCsv(csv));
      const points = exported.data.groups.flatMap((g: Json) =>
        g.points.map((p: Json) => ({
          group: g.key,
          currency: g.currency ?? series.currency ?? "",
          unit: g.unit ?? series.unit ?? "",
          period: p.period,
          promised: p.promised,
          delivered: p.delivered,
          cumulative_promised: p.cumulativePromised,
          cumulative_delivered: p.cumulativeDelivered,
          synthetic: String(p.synthetic),
          estimated: String(p.estimated),
          disputed: String(p.disputed),
          dataset_version: String(meta.datasetVersion),
        })),
      );
      expect(rows.map((r) => Object.fromEntries(Object.keys(points[0]).map((k) => [k, r[k]])))).toEqual(
        points,
      );
      expect(response.headers.get("x-dataset-version")).toBe(String(meta.datasetVersion));
    }

    // Flags cover what each row's cumulative figures include: from the period of the flagged figure on.
    const lu = await jsonExport("/v1/exports/series.json?groupBy=donor&donor=LU&interval=quarter");
    const flags = lu.data.groups[0].points.map((p: Json) => [p.period, p.synthetic, p.estimated, p.disputed]);
    expect(flags).toEqual([
      ["2024-Q1", false, false, false],
      ["2024-Q2", false, true, false],
      ["2024-Q3", false, true, true],
    ]);
    // A later window starts from what came before it: Q2's estimate is in Q3's cumulative figures.
    const later = await jsonExport(
      "/v1/exports/series.json?groupBy=donor&donor=LU&interval=quarter&from=2024-07",
    );
    expect(
      later.data.groups[0].points.map((p: Json) => [p.period, p.synthetic, p.estimated, p.disputed]),
    ).toEqual([["2024-Q3", false, true, true]]);
    const quantities = await jsonExport("/v1/exports/series.json?measure=quantity&donor=LU");
    expect(quantities.data.groups[0].points.every((p: Json) => p.synthetic)).toBe(true);

    // The XLSX: the same rows as text cells, and an About sheet.
    const response = await get("/v1/exports/series.xlsx?groupBy=donor&interval=quarter&donor=LU");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["series", "About"]);
    const asOf = encodeURIComponent(response.headers.get("x-as-of") as string);
    const { text: csv } = await text(
      `/v1/exports/series.csv?groupBy=donor&interval=quarter&donor=LU&asOf=${asOf}`,
    );
    const sheetRows: string[][] = [];
    workbook.getWorksheet("series")?.eachRow((row) => {
      sheetRows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v))));
    });
    expect(sheetRows.map((r) => r.join("|"))).toEqual(parseCsv(csv).map((r) => r.join("|")));
  });

  it("never exports drafts, whoever asks, and offers no drafts=include", async () => {
    for (const headers of [{}, editor.headers, ctx.authorised]) {
      const csv = await (await get("/v1/exports/records.csv?donor=LU", headers)).text();
      const json = await (await get("/v1/exports/records.json?donor=LU", headers)).text();
      for (const body of [csv, json]) {
        expect(body).toContain("export-formula");
        expect(body).not.toContain("export-draft");
        expect(body).not.toContain("Draft line");
      }
    }
    await expectError(await get("/v1/exports/records.csv?drafts=include"), 400);
    await expectError(await get("/v1/exports/records.json?tier=unknown"), 400);
    await expectError(await get("/v1/exports/series.csv?convention=fixed_date"), 400);
  });

  it("documents every column of every export in the data dictionary", async () => {
    const { data } = (await okJson(await get("/v1/exports/dictionary"))) as Json;
    const columns = (id: string) => data.exports.find((e: Json) => e.id === id).columns;
    const recordsHeader = parseCsv((await text("/v1/exports/records.csv")).text)[0];
    const seriesHeader = parseCsv((await text("/v1/exports/series.csv")).text)[0];
    expect(columns("records").map((c: Json) => c.name)).toEqual(recordsHeader);
    expect(columns("series").map((c: Json) => c.name)).toEqual(seriesHeader);
    for (const column of [...columns("records"), ...columns("series")]) {
      expect(column.description.length).toBeGreaterThan(10);
      expect(column.type).not.toBe("");
      expect(column.example).not.toBe("");
    }
    const record = Object.fromEntries(columns("records").map((c: Json) => [c.name, c]));
    expect(record.donor).toMatchObject({ requiredOnImport: ["commitment"], exportOnly: false });
    expect(record.disputed).toMatchObject({ requiredOnImport: [], exportOnly: true });
    // Enum columns list their values in the vocabulary's words, in English and Ukrainian.
    const series = Object.fromEntries(columns("series").map((c: Json) => [c.name, c]));
    expect(record.stage.values.map((v: Json) => v.id)).toEqual([...stageIds]);
    expect(record.stage.values.find((v: Json) => v.id === "committed")).toEqual({
      id: "committed",
      en: { label: "Committed", description: words("stage", "committed", "en").description },
      uk: { label: "Взято зобов’язання", description: words("stage", "committed", "uk").description },
    });
    expect(record.unit.values.find((v: Json) => v.id === "rounds").uk.label).toBe("постріли");
    for (const name of ["category", "measure_basis", "confidence", "source_kind"])
      expect(record[name].values.length, name).toBeGreaterThan(1);
    expect(series.promised_stage.values).toEqual(record.stage.values);
    expect(record.title.values).toBeUndefined();
    expect(data.exports.flatMap((e: Json) => e.formats.map((f: Json) => f.path))).toEqual([
      "/v1/exports/records.csv",
      "/v1/exports/records.xlsx",
      "/v1/exports/records.json",
      "/v1/exports/series.csv",
      "/v1/exports/series.xlsx",
      "/v1/exports/series.json",
    ]);
  });

  it("pages through the ledger and writes as it reads: every commitment, once, in id order", async () => {
    const ids = Array.from({ length: 230 }, (_, i) => `export-page-${String(i).padStart(3, "0")}`);
    await withChangeSet(ctx.database.db, { actor: "test", origin: "api" }, async (tx, cs) => {
      await createRecords(
        tx,
        cs,
        commitmentEntity,
        ids.map((id) => ({
          id,
          donor: "MT",
          recipient: "UA",
          title: `Paged line ${id}, "quoted", with a comma`,
          category: "funding",
          measure: eur("10"),
          measureBasis: "total",
          conditions: [],
          sources,
          synthetic: true,
        })) as never,
      );
      await createRecords(
        tx,
        cs,
        eventEntity,
        ids.map((id) => ({
          id: `${id}-e`,
          commitment: id,
          stage: "delivered",
          date: "2025-01",
          measure: eur("10"),
          confidence: "reported_by_donor",
          sources,
          synthetic: true,
        })) as never,
      );
    });
    const response = await get("/v1/exports/records.csv?donor=MT");
    expect(response.status).toBe(200);
    // Read as a stream: the file comes in pieces, not as one.
    const pieces: Uint8Array[] = [];
    for await (const piece of response.body as unknown as AsyncIterable<Uint8Array>) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    const csv = Buffer.concat(pieces).toString("utf8");
    const rows = table(parseCsv(csv));
    expect(rows.filter((r) => r.record === "commitment").map((r) => r.id)).toEqual(ids);
    expect(rows.filter((r) => r.record === "event").map((r) => r.id)).toEqual(ids.map((id) => `${id}-e`));
    const read = await collectRecords(parseTemplateCsv(bytesOf(Buffer.from(csv))));
    expect(read.problems).toEqual([]);
    expect(read.records.commitments).toHaveLength(230);
    const json = await jsonExport("/v1/exports/records.json?donor=MT");
    expect(json.data.map((d: Json) => d.commitment.id)).toEqual(ids);
    expect(sorted(read.records)).toEqual(recordsOfJson(json.data));
  });

  it("lets a script on another site read the export's citation headers", async () => {
    const response = await get("/v1/exports/records.csv?donor=LU", { origin: "https://elsewhere.example" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const exposed = response.headers.get("access-control-expose-headers")?.split(",") ?? [];
    expect(exposed).toEqual(expect.arrayContaining(["ETag", "X-Dataset-Version", "X-As-Of", "X-Citation"]));
  });
});
