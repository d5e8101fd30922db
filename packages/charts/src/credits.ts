import { label } from "@commitments/core/vocabulary";
import { type ChartLang, labels } from "./labels.ts";
import type { ChartSource } from "./types.ts";

/**
 * The credit line of a chart: the publishers and releases of the figures it draws ("Kiel Institute for the World
 * Economy, Ukraine Support Tracker, Release 29 (04/2026); SIPRI Arms Transfers Database, trade register, data
 * generated 2025-03-13"), then, for the tracker's own records, where each record's sources are. A series that does
 * not name its sources is credited to the tracker, as before sources were named.
 */
export function creditLine(
  sources: readonly ChartSource[] | undefined,
  lang: ChartLang,
  recordsUrl: string,
): string {
  const tracker = !sources || sources.length === 0 || sources.some((s) => s.id === "tracker");
  const own = tracker ? [labels[lang].trackerSource(recordsUrl)] : [];
  return [...publisherCredits(sources ?? []), ...own].join("; ");
}

/** Each publisher's credit, as its release names it (the publishers' own words, in their language). */
export function publisherCredits(sources: readonly ChartSource[]): string[] {
  return sources
    .filter((s) => s.id !== "tracker")
    .map(
      (s) =>
        s.release ?? [s.publisher, label("sourceDataset", s.id as never, "en")].filter(Boolean).join(", "),
    );
}
