import { createReadStream } from "node:fs";
import type { StagedRows } from "@commitments/db";
import { writeTemplateCsv } from "@commitments/importers";
import { generatedRecords } from "@commitments/importers/testing";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "./errors.ts";
import { ImportPool } from "./import-pool.ts";
import { type ReadJob, readFile } from "./import-reading.ts";

const sipriFile = new URL(
  "../../../../packages/reference/data/sipri/trade-register-ukraine.csv",
  import.meta.url,
);
const template: ReadJob = { format: "template-csv", options: {}, actor: null, maxProblems: 10_000 };
const sipri: ReadJob = { format: "sipri-trade-register", options: {}, actor: null, maxProblems: 10_000 };

/** A template file of 2,000 commitments with their events, and one row that is wrong (its last), as bytes. */
async function templateBytes(): Promise<Uint8Array[] & { lines: number }> {
  const lines: string[] = [];
  for await (const line of writeTemplateCsv(generatedRecords("pool", 2000, 1, 500))) lines.push(line);
  lines.push(
    lines[1]?.replace(/^commitment,pool-0,/, "commitment,pool-broken,").replace(",EUR,", ",EURO,") ?? "",
  );
  // Chunks that cut rows and characters anywhere, as an upload arrives.
  const bytes = Buffer.from(lines.join(""));
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7001) }, (_, i) =>
    bytes.subarray(i * 7001, (i + 1) * 7001),
  );
  return Object.assign(chunks, { lines: lines.length - 1 });
}

async function* chunksOf(chunks: Uint8Array[]) {
  yield* chunks;
}

async function all(batches: AsyncIterable<StagedRows>): Promise<StagedRows[]> {
  const read: StagedRows[] = [];
  for await (const batch of batches) read.push(batch);
  return read;
}

describe("the import pool", () => {
  let pool: ImportPool;
  afterEach(async () => {
    await pool?.close();
  });

  it("reads a file on a thread into the same staged rows as the importing process would", async () => {
    pool = new ImportPool({ workers: 1 });
    const chunks = await templateBytes();
    const here = await all(readFile(template, chunksOf(chunks)));
    const there = await all(pool.read(template, chunksOf(chunks)));
    expect(there).toEqual(here);
    expect(there.length).toBeGreaterThan(2);
    // The wrong row's problems, and only those; rows numbered as a spreadsheet shows them (the header is row 1).
    const problems = there.flatMap((b) => b.problems);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems)
      expect(problem).toMatchObject({ row: chunks.lines + 1, column: "currency" });
    // A publisher's file, by its own importer, on the same thread.
    const file = await all(pool.read(sipri, createReadStream(sipriFile)));
    expect(file).toEqual(await all(readFile(sipri, createReadStream(sipriFile))));
    expect(file.flatMap((b) => b.lines.events).length).toBeGreaterThan(400);
    expect(pool.stats()).toEqual({ started: 1, idle: 1, waiting: 0, read: 2 });
  });

  it("reads one file per thread: a second import waits for the thread, then reads", async () => {
    pool = new ImportPool({ workers: 1 });
    const chunks = await templateBytes();
    const [first, second] = await Promise.all([
      all(pool.read(template, chunksOf(chunks))),
      all(pool.read(template, chunksOf(chunks))),
    ]);
    expect(second).toEqual(first);
    expect(pool.stats()).toEqual({ started: 1, idle: 1, waiting: 0, read: 2 });
  });

  it("throws the upload's own error, and replaces the thread", async () => {
    pool = new ImportPool({ workers: 1 });
    const chunks = await templateBytes();
    const tooLarge = new ApiError("PAYLOAD_TOO_LARGE", "Import files are limited to 1 MiB");
    async function* cut() {
      yield chunks[0] as Uint8Array;
      throw tooLarge;
    }
    await expect(all(pool.read(template, cut()))).rejects.toBe(tooLarge);
    expect(pool.stats()).toMatchObject({ idle: 0, read: 0 });
    expect(await all(pool.read(template, chunksOf(chunks)))).toHaveLength(5);
    expect(pool.stats()).toEqual({ started: 2, idle: 1, waiting: 0, read: 1 });
  });

  it("stops the thread of a reading abandoned midway, and frees its place", async () => {
    pool = new ImportPool({ workers: 1 });
    const chunks = await templateBytes();
    for await (const batch of pool.read(template, chunksOf(chunks))) {
      expect(batch.rows).toBe(1000);
      break;
    }
    expect(pool.stats()).toMatchObject({ started: 1, idle: 0, read: 0 });
    expect(await all(pool.read(template, chunksOf(chunks)))).toHaveLength(5);
    expect(pool.stats()).toEqual({ started: 2, idle: 1, waiting: 0, read: 1 });
  });
});
