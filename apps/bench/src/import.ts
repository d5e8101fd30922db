import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { templateHeader, writeTemplateCsv } from "@commitments/importers";
import { generatedRecords } from "@commitments/importers/testing";
import { starterFiles } from "@commitments/reference";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { median } from "./stats.ts";
import { freshStore, type Store, type StoreKind } from "./stores.ts";

const apiDir = fileURLToPath(new URL("../../api/", import.meta.url));

// Nine events a commitment and a tranche for every seventh: (1 + 9 + 1/7) rows a commitment.
const eventsEach = 9;

/** Writes a template CSV of at least `rows` rows (synthetic, deterministic) to `file`; returns its row count. */
export async function writeTemplateFile(file: string, rows: number): Promise<number> {
  const commitments = Math.ceil(rows / (1 + eventsEach + 1 / 7));
  await pipeline(
    writeTemplateCsv(generatedRecords("bench", commitments, eventsEach, 2000)),
    createWriteStream(file),
  );
  return commitments + Math.ceil(commitments / 7) + commitments * eventsEach;
}

/** A template file of no rows, its header only: what a run of the import command costs before the first row. */
export function writeEmptyTemplate(path: string): string {
  writeFileSync(path, `${templateHeader().join(",")}\r\n`);
  return path;
}

export interface ImportRun {
  rowsPerSecond: number;
  peakMemoryMb: number;
  /** The same command's peak on the same store for a file of no rows: the store open, nothing imported. */
  idleMemoryMb: number;
}

/** The command-line import (the API's pipeline) in a process of its own; its report's last line. */
export function importCommand(
  store: Store,
  file: string,
  dryRun = false,
  heapMb?: number,
  format = "template-csv",
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
        "--import",
        "tsx",
        "scripts/import.ts",
        "--format",
        format,
        "--file",
        file,
        ...(dryRun ? ["--dry-run"] : []),
      ],
      {
        cwd: apiDir,
        env: { ...process.env, LOG_LEVEL: "silent", ...store.env },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(stderr)
        : reject(new Error(`the import exited with ${code}:\n${stderr.slice(-2000)}`)),
    );
  });
}

// "imported: 1000005 rows, 0 problems, change set 2; 150.2 s, 6657 rows/s, peak memory 210 MB"
const lastLine = /^(\w+): (\d+) rows, 0 problems.*?; ([\d.]+) s, (\d+) rows\/s, peak memory (\d+) MB$/m;

/**
 * One run on a fresh store: the store made ready first (migrations, reference data) by a dry run of a file of no
 * rows, then the same again for the idle figure, then the import, each a process of its own.
 */
async function importOnce(
  store: Store,
  file: string,
  empty: string,
  rows: number,
  heapMb?: number,
): Promise<ImportRun> {
  await importCommand(store, empty, true);
  const idle = lastLine.exec(await importCommand(store, empty, true, heapMb));
  const output = await importCommand(store, file, false, heapMb);
  const match = lastLine.exec(output);
  if (!idle || match?.[1] !== "imported" || Number(match[2]) !== rows)
    throw new Error(`the import did not report ${rows} rows imported:\n${output}`);
  return { rowsPerSecond: Number(match[4]), peakMemoryMb: Number(match[5]), idleMemoryMb: Number(idle[5]) };
}

/** A bare COPY of the file's rows into an unindexed table of text columns: the store's own limit. */
async function copyOnce(kind: StoreKind, store: Store, file: string, rows: number): Promise<number> {
  const columns = templateHeader()
    .map((name) => `"${name}" text`)
    .join(", ");
  const create = `create table bare_copy (${columns})`;
  if (kind === "postgres") {
    const client = new pg.Client({ connectionString: store.url });
    await client.connect();
    try {
      await client.query(create);
      const started = performance.now();
      await pipeline(
        createReadStream(file),
        client.query(copyFrom("copy bare_copy from stdin with (format csv, header true)")),
      );
      return rows / ((performance.now() - started) / 1000);
    } finally {
      await client.end();
    }
  }
  const lite = await PGlite.create(store.dataDir as string);
  try {
    await lite.exec(create);
    // PGlite copies from a blob in memory: the file goes in 20,000-row batches, as the import's staging does.
    // The generated cells hold no line breaks, so lines are rows.
    const started = performance.now();
    let batch: string[] = [];
    const flush = async () => {
      await lite.query("copy bare_copy from '/dev/blob' with (format csv)", [], {
        blob: new Blob([batch.join("\n")]),
      });
      batch = [];
    };
    let header = true;
    for await (const line of createInterface({
      input: createReadStream(file),
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      if (header) {
        header = false;
        continue;
      }
      batch.push(line);
      if (batch.length === 20_000) await flush();
    }
    if (batch.length > 0) await flush();
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await lite.close();
  }
}

export interface ImportResult {
  kind: StoreKind;
  rows: number;
  fileMb: number;
  runs: number;
  importRowsPerSecond: number;
  copyRowsPerSecond: number;
  peakMemoryMb: number;
  addedMemoryMb: number;
  /** One more run with Node's heap capped at `cappedHeapMb`: it completes only if memory does not grow with the file. */
  cappedHeapMb: number;
  capped: ImportRun;
}

const cappedHeapMb = 100;

/** Import vs COPY, and the importing process's peak memory: medians of `runs` runs, each on a fresh store. */
export async function importBenchmark(
  kind: StoreKind,
  file: string,
  rows: number,
  runs: number,
): Promise<ImportResult> {
  const empty = writeEmptyTemplate(`${file}.empty.csv`);
  const imports: ImportRun[] = [];
  const copies: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const measure of ["import", "copy"] as const) {
      const store = await freshStore(kind);
      try {
        if (measure === "import") imports.push(await importOnce(store, file, empty, rows));
        else copies.push(await copyOnce(kind, store, file, rows));
      } finally {
        await store.dispose();
      }
    }
    const last = imports.at(-1) as ImportRun;
    console.error(
      `  ${kind} run ${run + 1}: import ${last.rowsPerSecond} rows/s, peak ${last.peakMemoryMb} MB (idle ${last.idleMemoryMb} MB); COPY ${Math.round(copies.at(-1) as number)} rows/s`,
    );
  }
  const store = await freshStore(kind);
  let capped: ImportRun;
  try {
    capped = await importOnce(store, file, empty, rows, cappedHeapMb);
  } finally {
    await store.dispose();
  }
  console.error(
    `  ${kind} with a ${cappedHeapMb} MB heap: import ${capped.rowsPerSecond} rows/s, peak ${capped.peakMemoryMb} MB`,
  );
  return {
    kind,
    rows,
    cappedHeapMb,
    capped,
    fileMb: statSync(file).size / 2 ** 20,
    runs,
    importRowsPerSecond: median(imports.map((r) => r.rowsPerSecond)),
    copyRowsPerSecond: median(copies),
    // The highest of the runs: the bound is on the worst.
    peakMemoryMb: Math.max(...imports.map((r) => r.peakMemoryMb)),
    // What the import itself added, run by run (the idle figure varies with the garbage collector's timing).
    addedMemoryMb: Math.max(...imports.map((r) => r.peakMemoryMb - r.idleMemoryMb)),
  };
}

/** The SIPRI register's Ukraine file the starter dataset ships (443 rows): a ministry-sized file from a publisher. */
const sipriFile = starterFiles.find(
  (f) => f.format === "sipri-trade-register",
) as (typeof starterFiles)[number];

export interface CommandImportResult {
  kind: StoreKind;
  file: string;
  rows: number;
  runs: number;
  /** From the command to its exit (Node.js, its modules, the store opened and checked, the import): median, s. */
  wallSeconds: number;
  /** The import itself, as the command reports it (parse to commit): median, s. */
  importSeconds: number;
  /** The highest of the runs, MB. */
  peakMemoryMb: number;
  /** The same command on a file of no rows (a dry run): its wall time (median, s) and peak memory (highest, MB). */
  idleWallSeconds: number;
  idleMemoryMb: number;
}

/**
 * The command-line import of the SIPRI file, as a ministry's clerk or an operator runs it against the tracker's
 * store: each run on a fresh store made ready first (migrations, reference data), timed by the wall clock from the
 * command to its exit. The command on an empty file gives what a run costs before the first row.
 */
export async function commandImportBenchmark(
  kind: StoreKind,
  runs: number,
  workDir: string,
): Promise<CommandImportResult> {
  const empty = writeEmptyTemplate(join(workDir, "empty-template.csv"));
  const timed = async (run: () => Promise<string>) => {
    const started = performance.now();
    const output = await run();
    return { seconds: (performance.now() - started) / 1000, output };
  };
  const wall: number[] = [];
  const own: number[] = [];
  const memory: number[] = [];
  const idleWall: number[] = [];
  const idleMemory: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    const store = await freshStore(kind);
    try {
      await importCommand(store, empty, true);
      const idle = await timed(() => importCommand(store, empty, true));
      const done = await timed(() =>
        importCommand(store, sipriFile.path, false, undefined, "sipri-trade-register"),
      );
      const idleLine = lastLine.exec(idle.output);
      const line = lastLine.exec(done.output);
      if (!idleLine || line?.[1] !== "imported")
        throw new Error(`the SIPRI file was not imported:\n${done.output.slice(-2000)}`);
      rows = Number(line[2]);
      wall.push(done.seconds);
      own.push(Number(line[3]));
      memory.push(Number(line[5]));
      idleWall.push(idle.seconds);
      idleMemory.push(Number(idleLine[5]));
      console.error(
        `  ${kind} run ${run + 1}: ${rows} rows in ${done.seconds.toFixed(2)} s (import ${line[3]} s), peak ${line[5]} MB; empty file ${idle.seconds.toFixed(2)} s, ${idleLine[5]} MB`,
      );
    } finally {
      await store.dispose();
    }
  }
  return {
    kind,
    file: sipriFile.name,
    rows,
    runs,
    wallSeconds: median(wall),
    importSeconds: median(own),
    peakMemoryMb: Math.max(...memory),
    idleWallSeconds: median(idleWall),
    idleMemoryMb: Math.max(...idleMemory),
  };
}
