import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { type Db, datasetVersion, loadRatesCsv, markReferenceLoaded, referenceLoaded } from "@commitments/db";
import { readKielRelease } from "@commitments/importers";
import { starterFiles, starterKielReleaseInfo, starterVersion } from "@commitments/reference";
import type { FormatOptions } from "./lib/import-reading.ts";
import { runImport } from "./lib/imports.ts";
import type { Logger } from "./lib/logger.ts";

const actor = "system:starter-data";

/**
 * Loads the starter dataset (the reference package's data folder: the ECB's rates, Kiel's Release 29, SIPRI's
 * deals with Ukraine) through the same pipeline as any file, once per version of it. Files already in, as after a
 * crash mid-load, import as unchanged; a newer version of a publisher's file corrects the older one's figures.
 */
export async function loadStarterData(db: Db, logger: Logger): Promise<{ version: string; loaded: boolean }> {
  if (await referenceLoaded(db, starterVersion)) return { version: starterVersion, loaded: false };
  const release = await readKielRelease(createReadStream(starterKielReleaseInfo));
  if (!release.ok)
    throw new Error(`the starter dataset's Kiel release info: ${JSON.stringify(release.problems)}`);
  const kiel: FormatOptions = {
    release: release.release.label,
    releasePeriod: release.release.period,
    releaseDate: release.release.published,
  };
  for (const file of starterFiles) {
    const started = performance.now();
    if (file.format === "ecb-rates") {
      const loaded = await loadRatesCsv(
        db,
        await readFile(file.path, "utf8"),
        actor,
        "European Central Bank, euro foreign exchange reference rates (starter dataset)",
      );
      logger.info(
        { file: file.name, created: loaded.created, ms: Math.round(performance.now() - started) },
        "starter data",
      );
      continue;
    }
    const report = await runImport(db, {
      format: file.format,
      options: file.format === "sipri-trade-register" ? {} : kiel,
      input: createReadStream(file.path),
      name: file.name,
      dryRun: false,
      importer: { actor: null, label: actor },
    });
    if (report.status !== "imported" && report.status !== "unchanged") {
      throw new Error(
        `the starter dataset's ${file.name} was ${report.status}: ${JSON.stringify(report.problems.slice(0, 5))}`,
      );
    }
    logger.info(
      {
        file: file.name,
        status: report.status,
        rows: report.rows,
        skipped: report.skipped,
        ms: Math.round(performance.now() - started),
      },
      "starter data",
    );
  }
  await markReferenceLoaded(db, starterVersion, (await datasetVersion(db)).version);
  return { version: starterVersion, loaded: true };
}
