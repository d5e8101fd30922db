import type { GuarantorFigures } from "./guarantors.view.ts";

/*
 * The guarantor view as rows: one per instrument and one per figure, each naming its source and release, so a
 * spreadsheet never holds a figure without its provenance.
 */

export const guarantorColumns = [
  "party",
  "party_name",
  "rung_tier",
  "standing",
  "row_kind",
  "agreement",
  "instrument_type",
  "tier",
  "status",
  "source",
  "release",
  "stage",
  "category",
  "item",
  "amount",
  "unit_or_currency",
  "dataset_version",
  "as_of",
] as const;

export function guarantorRows(
  guarantors: readonly GuarantorFigures[],
  meta: { datasetVersion: number; asOf: string },
): string[][] {
  const rows: string[][] = [[...guarantorColumns]];
  const stamp = [String(meta.datasetVersion), meta.asOf];
  for (const g of guarantors) {
    const head = [g.party.id, g.party.name, g.rung?.tier ?? "", g.standing];
    for (const i of g.instruments) {
      rows.push([
        ...head,
        i.via ? `instrument via ${i.via}` : "instrument",
        i.id,
        i.instrumentType,
        i.tier,
        i.currentStatus ?? "",
        "tracker",
        "",
        "",
        "",
        "",
        "",
        "",
        ...stamp,
      ]);
    }
    for (const f of g.figures) {
      rows.push([
        ...head,
        "figure",
        "",
        "",
        "",
        "",
        f.source.id,
        f.source.release ?? "",
        f.stage,
        f.category,
        "",
        f.measure.kind === "money" ? f.measure.amount : f.measure.count,
        f.measure.kind === "money" ? f.measure.currency : f.measure.unit,
        ...stamp,
      ]);
    }
    for (const w of g.heavyWeapons) {
      rows.push([
        ...head,
        "heavy weapon",
        "",
        "",
        "",
        "",
        w.source.id,
        w.source.release ?? "",
        w.stage,
        w.category,
        w.item,
        w.count,
        w.unit,
        ...stamp,
      ]);
    }
  }
  return rows;
}
