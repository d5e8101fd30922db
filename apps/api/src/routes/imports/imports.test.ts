import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CommitmentRecord, StageEvent } from "@commitments/core";
import { commitmentEntity, getRecord, writeFingerprint } from "@commitments/db";
import {
  type ImportedRecords,
  type ImportItem,
  parseTemplateCsv,
  parseTemplateXlsx,
  templateHeader,
  writeTemplateCsv,
} from "@commitments/importers";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount, testTargets, useApp } from "../../../test/testing.ts";
import { ImportPool } from "../../lib/import-pool.ts";
import { maxImportBytes } from "../../lib/imports.ts";

const samples = fileURLToPath(new URL("../../../../../../shared/samples/", import.meta.url));
const sipriSample = `${samples}sipri-trade-register-ukraine-excerpt.csv`;
let haveSamples = true;
try {
  readFileSync(sipriSample);
} catch {
  haveSamples = false;
}

const source = { title: "Import API test fixture", kind: "research" as const };

/** A donor's commitments, each with a delivered event, as the template's CSV. */
async function template(prefix: string, donors: readonly string[], each = 2): Promise<string> {
  const records: ImportedRecords = { commitments: [], tranches: [], events: [] };
  for (const donor of donors) {
    for (let i = 0; i < each; i++) {
      const id = `${prefix}-${donor.toLowerCase()}-${i}`;
      records.commitments.push({
        id,
        donor,
        recipient: "UA",
        title: `${donor} test line ${i}`,
        category: "air_defence.systems",
        measure: { kind: "money", amount: "1000000", currency: "EUR" },
        measureBasis: "total",
        conditions: [],
        sources: [source],
        synthetic: false,
      } satisfies CommitmentRecord);
      records.events.push({
        id: `${id}-delivered`,
        commitment: id,
        stage: "delivered",
        date: "2025-02",
        measure: { kind: "money", amount: "250000", currency: "EUR" },
        confidence: "reported_by_donor",
        sources: [source],
        synthetic: false,
      } satisfies StageEvent);
    }
  }
  let text = "";
  for await (const line of writeTemplateCsv([records])) text += line;
  return text;
}

async function* chunk(bytes: string | Uint8Array) {
  yield bytes;
}

interface Report {
  id: string;
  status: string;
  rows: number;
  records: Record<string, { total: number; new: number }>;
  problems: { row: number; column?: string; value?: string; message: string }[];
  problemCount: number;
  changeSet: number | null;
  datasetVersion: number;
}

describe.each(testTargets())("imports through the API on $name", (target) => {
  // One reading thread, kept between tests: every upload here is read on it, as in production.
  const readers = new ImportPool({ workers: 1 });
  const ctx = useApp(target, { importReaders: readers });
  afterAll(() => readers.close());
  let editor: TestAccount;
  let otherEditor: TestAccount;
  beforeAll(async () => {
    editor = await createTestAccount(ctx.database.db, {
      kind: "partner_ministry",
      name: "GB ministry",
      party: "GB",
      roles: ["ministry_editor"],
    });
    otherEditor = await createTestAccount(ctx.database.db, {
      kind: "partner_ministry",
      name: "FR ministry",
      party: "FR",
      roles: ["ministry_editor"],
    });
  });

  const upload = (
    query: string,
    body: string | Uint8Array | ReadableStream<Uint8Array>,
    headers: Record<string, string> = ctx.admin.headers,
    type = "text/csv",
  ) =>
    ctx.app.request(`/v1/imports?${query}`, {
      method: "POST",
      headers: { "content-type": type, ...headers },
      body,
      duplex: "half",
    } as RequestInit);
  const reportOf = async (response: Response) => ((await response.json()) as { data: Report }).data;

  it("a ministry imports its own donor's records as its drafts, in one change set", async () => {
    const file = await template("api-own", ["GB"]);
    const before = await ctx.changeSets();
    const read = readers.stats().read;
    const response = await upload("format=template-csv&name=gb-lines.csv", file, editor.headers);
    expect(response.status).toBe(201);
    // Read on the import thread, not on the API's event loop.
    expect(readers.stats().read).toBe(read + 1);
    const report = await reportOf(response);
    expect(report).toMatchObject({
      status: "imported",
      problemCount: 0,
      records: { commitments: { total: 2, new: 2 }, events: { total: 2, new: 2 } },
    });
    expect(await ctx.changeSets()).toBe(before + 1);
    const stored = await getRecord(ctx.database.db, commitmentEntity, "api-own-gb-0");
    expect(stored).toMatchObject({ status: "draft", organisation: editor.organisation.id });
    // Drafts stay out of public reads; the ministry sees its own.
    expect((await ctx.app.request("/v1/commitments/api-own-gb-0")).status).toBe(404);
    const own = await ctx.app.request("/v1/commitments/api-own-gb-0?drafts=include", {
      headers: editor.headers,
    });
    expect(own.status).toBe(200);

    // The same file again: nothing new, no change set, and the answer says so.
    const fingerprint = await writeFingerprint(ctx.database.db);
    const again = await upload("format=template-csv&name=gb-lines.csv", file, editor.headers);
    expect(again.status).toBe(200);
    expect(await reportOf(again)).toMatchObject({ status: "unchanged", changeSet: null });
    expect(await writeFingerprint(ctx.database.db)).toBe(fingerprint);
  });

  it("another donor's rows are refused, each listed by row, and nothing is written", async () => {
    const file = await template("api-mixed", ["GB", "FR"]);
    const lines = file.split("\r\n");
    const frRows = lines.flatMap((line, i) =>
      line.split(",")[1]?.startsWith("api-mixed-fr-") ? [i + 1] : [],
    );
    expect(frRows).toHaveLength(4);
    const before = await writeFingerprint(ctx.database.db);
    const response = await upload("format=template-csv", file, editor.headers);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; details: unknown[] }; data: Report };
    expect(body.error.code).toBe("UNPROCESSABLE");
    expect(body.data.status).toBe("refused");
    expect(body.data.problems.map((p) => p.row)).toEqual(frRows);
    for (const problem of body.data.problems) {
      expect(problem).toMatchObject({
        column: "donor",
        value: "FR",
        message: expect.stringContaining("own country"),
      });
    }
    expect(body.error.details).toHaveLength(4);
    expect(await writeFingerprint(ctx.database.db)).toBe(before);
    expect(await getRecord(ctx.database.db, commitmentEntity, "api-mixed-gb-0")).toBeUndefined();

    // The administrator may import any donor's records: published at once.
    const admin = await upload("format=template-csv", file);
    expect(admin.status).toBe(201);
    expect(await getRecord(ctx.database.db, commitmentEntity, "api-mixed-fr-0")).toMatchObject({
      status: "published",
    });
  });

  it("a dry run checks and writes nothing; its report says what would be new", async () => {
    const file = await template("api-dry", ["GB"], 3);
    const before = await writeFingerprint(ctx.database.db);
    const response = await upload("format=template-csv&dryRun=true", file, editor.headers);
    expect(response.status).toBe(200);
    expect(await reportOf(response)).toMatchObject({
      status: "dry_run",
      changeSet: null,
      records: { commitments: { total: 3, new: 3 } },
    });
    expect(await writeFingerprint(ctx.database.db)).toBe(before);
    // A dry run of a file with problems is answered, not refused.
    const bad = await upload(
      "format=template-csv&dryRun=true",
      await template("api-dry-fr", ["FR"]),
      editor.headers,
    );
    expect(bad.status).toBe(200);
    expect(await reportOf(bad)).toMatchObject({ status: "dry_run", problemCount: 4 });
  });

  it("shows an import's progress while its upload streams, and its outcome after", async () => {
    const file = new TextEncoder().encode(await template("api-progress", ["GB"], 1500));
    const id = crypto.randomUUID();
    let release: () => void = () => {};
    const halfway = new Promise<void>((resolve) => {
      release = resolve;
    });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(file.subarray(0, file.length / 2));
        await halfway;
        controller.enqueue(file.subarray(file.length / 2));
        controller.close();
      },
    });
    const posted = upload("format=template-csv&name=progress.csv", body, {
      ...editor.headers,
      "x-import-id": id,
    });
    const poll = () => ctx.app.request(`/v1/imports/${id}`, { headers: editor.headers });
    let seen: { status: string; phase: string; rows: number } | undefined;
    for (let i = 0; i < 200 && !(seen && seen.rows > 0); i++) {
      const response = await poll();
      if (response.status === 200) seen = ((await response.json()) as { data: typeof seen }).data;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toMatchObject({ status: "running", phase: "reading" });
    expect(seen?.rows).toBeGreaterThan(0);
    // Another organisation cannot follow it.
    expect((await ctx.app.request(`/v1/imports/${id}`, { headers: otherEditor.headers })).status).toBe(404);
    // Nor reuse its id.
    expect((await upload("format=template-csv", "x", { ...editor.headers, "x-import-id": id })).status).toBe(
      409,
    );
    release();
    const response = await posted;
    expect(response.status).toBe(201);
    const done = await poll();
    expect(((await done.json()) as { data: unknown }).data).toMatchObject({
      id,
      status: "imported",
      phase: "done",
      rows: 3000,
      fileName: "progress.csv",
      format: "template-csv",
      bytes: file.length,
    });

    const listed = async (account: { headers: Record<string, string> }) =>
      (
        (await (await ctx.app.request("/v1/imports", { headers: account.headers })).json()) as {
          data: { id: string }[];
        }
      ).data.map((run) => run.id);
    expect(await listed(editor)).toContain(id);
    expect(await listed(otherEditor)).not.toContain(id);
    expect(await listed(ctx.admin)).toContain(id);
    expect((await ctx.app.request("/v1/imports")).status).toBe(401);
  });

  it("lets a script on another site upload with a token and name its import for progress", async () => {
    const preflight = await ctx.app.request("/v1/imports", {
      method: "OPTIONS",
      headers: {
        origin: "https://ministry.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, x-import-id",
      },
    });
    expect(preflight.status).toBeLessThan(300);
    const allowed = (preflight.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const header of ["authorization", "content-type", "x-import-id"]) expect(allowed).toContain(header);
  });

  it("refuses what it cannot read as the format says, before reading it", async () => {
    const text = await template("api-refused", ["GB"]);
    expect((await upload("format=template-csv", text, editor.headers, "application/json")).status).toBe(415);
    const kiel = await upload("format=kiel-weapons", "donor\n", ctx.admin.headers);
    expect(kiel.status).toBe(400);
    expect(
      (
        await upload("format=template-csv", text, {
          ...editor.headers,
          "content-length": String(maxImportBytes + 1),
        })
      ).status,
    ).toBe(413);
    // A role that imports nothing is refused at once.
    const analyst = await createTestAccount(ctx.database.db, {
      kind: "ngo",
      name: "An NGO",
      roles: ["ngo_analyst"],
    });
    expect((await upload("format=template-csv", text, analyst.headers)).status).toBe(403);
  });

  it("serves the blank template as CSV, to anyone: its header row, which reads back to nothing", async () => {
    const response = await ctx.app.request("/v1/imports/template.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="commitments-tracker-template.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte order mark first, so a spreadsheet opens it as UTF-8; then the header row alone.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toBe(`${templateHeader().join(",")}\r\n`);
    const items: ImportItem[] = [];
    for await (const item of parseTemplateCsv(chunk(bytes))) items.push(item);
    expect(items).toEqual([]);

    // Uploaded as it is, it checks clean: no records, no problems.
    const dry = await upload("format=template-csv&dryRun=true", bytes, editor.headers);
    expect(dry.status).toBe(200);
    expect(await reportOf(dry)).toMatchObject({
      status: "dry_run",
      rows: 0,
      problemCount: 0,
      records: { commitments: { total: 0, new: 0 }, tranches: { total: 0 }, events: { total: 0 } },
    });
  });

  it("serves the blank template as XLSX, to anyone, with its guide in the language asked; it reads back to nothing", async () => {
    const response = await ctx.app.request("/v1/imports/template.xlsx?lang=uk");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="commitments-tracker-template.xlsx"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A zip file, as every XLSX workbook is.
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const items: ImportItem[] = [];
    for await (const item of parseTemplateXlsx(chunk(bytes))) items.push(item);
    expect(items).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["records", "інструкція", "приклад", "lists"]);
    // The example is the reference data's Ukraine Facility, with its source, in the clerk's words.
    const example = book.getWorksheet("приклад");
    expect(String(example?.getRow(2).values)).toContain("50 000 000 000");
    expect(String(example?.getRow(2).values)).toContain("ЄС (Комісія та Рада)");
    const dry = await upload(
      "format=template-xlsx&dryRun=true",
      bytes,
      editor.headers,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(dry.status).toBe(200);
    expect(await reportOf(dry)).toMatchObject({ status: "dry_run", rows: 0, problemCount: 0 });
  });

  describe.skipIf(!haveSamples)("sample files", () => {
    it("an administrator's SIPRI upload: the whole register imported, donor groups where SIPRI names no single donor", async () => {
      const response = await upload("format=sipri-trade-register&name=sipri.csv", readFileSync(sipriSample));
      expect(response.status).toBe(201);
      const report = await reportOf(response);
      expect(report.records).toMatchObject({
        commitments: { total: 31, new: 31 },
        events: { total: 59, new: 59 },
      });
      // Published at once: the public reads them.
      const [first] = (
        (await (await ctx.app.request("/v1/commitments?donor=ES")).json()) as {
          data: { id: string; sources: { locator: string }[] }[];
        }
      ).data;
      expect(first?.sources[0]?.locator).toBe("row 20");
      const joint = (await (await ctx.app.request("/v1/commitments?donor=JOINT")).json()) as {
        data: { title: string }[];
      };
      expect(joint.data.map((c) => c.title).sort()).toEqual([
        "Leopard-2A4 (tank) from Germany, financed jointly by Denmark, Netherlands, ordered 2023",
        "Zuzana-2 (self-propelled gun) from Slovakia, financed jointly by Denmark, Germany, Norway, ordered 2022",
      ]);
      const group = (await (await ctx.app.request("/v1/parties/JOINT")).json()) as { data: { kind: string } };
      expect(group.data.kind).toBe("group");
    });

    it("Kiel's weapons file with its release", async () => {
      const file = readFileSync(`${samples}kiel-weapons-excerpt.csv`);
      const query =
        "format=kiel-weapons&release=Ukraine%20Support%20Tracker%2C%20Release%2029%20(04%2F2026)&releasePeriod=2026-04&releaseDate=2026-08-04";
      const response = await upload(query, file);
      expect(response.status).toBe(201);
      expect((await reportOf(response)).records.events).toEqual({
        total: 29,
        new: 29,
        changed: 0,
        retracted: 0,
      });
    });
  });
});
