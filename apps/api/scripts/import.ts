/**
 * Imports a file from the command line, through the same pipeline as POST /v1/imports, against DATABASE_URL or
 * PGLITE_DATA_DIR:
 *
 *   tsx scripts/import.ts --format sipri --file register.csv [--dry-run] [--as editor@ministry.example]
 *   tsx scripts/import.ts --format kiel-weapons --file weapons.csv --release-info release_info.csv
 *
 * `--format` is a format id or the start of one ("sipri"; "template" is told apart by the file's extension). With
 * `--as`, the import acts for that user, with their rights (a ministry's records become its drafts); without it,
 * for the tracker itself, published. Progress goes to standard error, the report to standard output as JSON. The
 * exit code is 1 when the file has problems (refused, or a dry run that found some) or the import fails.
 */
import { createReadStream, readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { basename, extname } from "node:path";
import { parseArgs } from "node:util";
import type { Role } from "@commitments/core";
import { createDb, loadDataset, userByEmail } from "@commitments/db";
import { formats, readKielRelease } from "@commitments/importers";
import { referenceDataset } from "@commitments/reference";
import { loadEnv } from "../src/env.ts";
import type { FormatOptions } from "../src/lib/import-reading.ts";
import { type Importer, runImport } from "../src/lib/imports.ts";

const usage =
  "usage: tsx scripts/import.ts --format <id> --file <path> [--dry-run] [--as <e-mail>] [--name <name>]\n" +
  "  [--release-info <release_info.csv> | --release <label> --release-period YYYY-MM --release-date YYYY-MM-DD]\n" +
  `  [--donor <party>] [--recipient <party>]\n  formats: ${formats.map((f) => f.id).join(", ")}`;

function formatOf(given: string, file: string) {
  const candidates = formats.filter((f) => f.id === given || f.id.startsWith(given));
  const byExtension = candidates.filter((f) => f.extensions.includes(extname(file).toLowerCase()));
  const found = candidates.length === 1 ? candidates : byExtension;
  if (found.length !== 1 || !found[0]) throw new Error(`not one format: "${given}"\n${usage}`);
  return found[0];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      format: { type: "string" },
      file: { type: "string" },
      name: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      as: { type: "string" },
      release: { type: "string" },
      "release-period": { type: "string" },
      "release-date": { type: "string" },
      "release-info": { type: "string" },
      donor: { type: "string" },
      recipient: { type: "string" },
    },
    strict: true,
  });
  if (!values.format || !values.file) throw new Error(usage);
  const format = formatOf(values.format, values.file);
  const options: FormatOptions = {
    release: values.release,
    releasePeriod: values["release-period"],
    releaseDate: values["release-date"],
    donor: values.donor,
    recipient: values.recipient,
  };
  if (values["release-info"]) {
    const read = await readKielRelease(createReadStream(values["release-info"]));
    if (!read.ok) throw new Error(`${values["release-info"]}: ${JSON.stringify(read.problems)}`);
    Object.assign(options, {
      release: read.release.label,
      releasePeriod: read.release.period,
      releaseDate: read.release.published,
    });
  }

  const env = loadEnv();
  const handle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  try {
    await handle.migrate();
    // The parties every record names; loaded once per version, as the server does at start.
    await loadDataset(handle.db, referenceDataset());
    let importer: Importer = { actor: null, label: `command line (${userInfo().username})` };
    if (values.as) {
      const found = await userByEmail(handle.db, values.as);
      if (!found) throw new Error(`no enabled user ${values.as}`);
      const { user, organisation } = found;
      importer = {
        actor: {
          userId: user.id,
          organisation: {
            id: organisation.id,
            kind: organisation.kind,
            party: organisation.party ?? undefined,
          },
          roles: user.roles as Role[],
        },
        label: `${organisation.name} (${user.name}, command line)`,
        organisationId: organisation.id,
        userId: user.id,
      };
    }
    let last = "";
    const started = performance.now();
    const report = await runImport(handle.db, {
      format: format.id,
      options,
      input: createReadStream(values.file),
      name: values.name ?? basename(values.file),
      dryRun: values["dry-run"],
      importer,
      onProgress: ({ phase, rows, problems }) => {
        if (phase === last && rows % 50_000 !== 0) return;
        last = phase;
        process.stderr.write(`${phase}: ${rows} rows, ${problems} problems\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    // The last line is the run's measure as well (the benchmark reads it): time, rate and peak resident memory.
    process.stderr.write(
      `${report.status}: ${report.rows} rows, ${report.problemCount} problems` +
        `${report.changeSet === null ? "" : `, change set ${report.changeSet}`}` +
        `; ${seconds.toFixed(1)} s, ${Math.round(report.rows / seconds)} rows/s,` +
        ` peak memory ${Math.round(peakMemoryKb() / 1024)} MB\n`,
    );
    if (report.problemCount > 0) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

/**
 * This process's peak resident memory, kB. On Linux, VmHWM of /proc/self/status: getrusage's maxRSS survives exec,
 * so a command started by a large process (a benchmark, an editor) would report its parent's size.
 */
function peakMemoryKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (hwm) return Number(hwm);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
