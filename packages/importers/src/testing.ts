// Helpers for this package's tests: where the sample files are, and collecting an importer's output.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ImportedRecords, ImportItem, ImportProblem } from "./types.ts";

/**
 * The sample files are not in this repository: they sit in ../shared/samples beside a clone, or where
 * COMMITMENTS_SAMPLES_DIR says. Without them the sample tests are skipped with a notice; under CI they fail.
 */
export const samplesDir =
  process.env.COMMITMENTS_SAMPLES_DIR ??
  fileURLToPath(new URL("../../../../shared/samples/", import.meta.url));
export const haveSamples = existsSync(samplesDir);
if (!haveSamples && process.env.CI) throw new Error(`CI needs the sample files in ${samplesDir}`);
if (!haveSamples) console.warn(`Sample-file tests skipped: no sample files in ${samplesDir}.`);

export function samplePath(name: string): string {
  return `${samplesDir.replace(/\/?$/, "/")}${name}`;
}

export interface Collected {
  items: ImportItem[];
  records: ImportedRecords;
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

export async function collect(items: AsyncIterable<ImportItem>): Promise<Collected> {
  const out: Collected = {
    items: [],
    records: { commitments: [], tranches: [], events: [] },
    problems: [],
    warnings: [],
  };
  for await (const item of items) {
    out.items.push(item);
    if ("problems" in item) out.problems.push(...item.problems);
    else {
      out.records.commitments.push(...item.records.commitments);
      out.records.tranches.push(...item.records.tranches);
      out.records.events.push(...item.records.events);
      out.warnings.push(...(item.warnings ?? []));
    }
  }
  return out;
}

/** Bytes as a one-chunk stream. */
export async function* bytes(data: string | Uint8Array): AsyncGenerator<Uint8Array> {
  yield typeof data === "string" ? new TextEncoder().encode(data) : data;
}

export async function text(lines: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const line of lines) out += line;
  return out;
}
