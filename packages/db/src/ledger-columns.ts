import { getTableColumns } from "drizzle-orm";
import type { Entity } from "./entities.ts";

/*
 * The columns of a ledger table, split into the record's data (what `toRow` gives) and its place in the ledger and
 * the workflow, and a value as a CSV cell for COPY: shared by the bulk loader and the import pipeline.
 */

/** The columns of a ledger row that are not the record's data, as record keys and as SQL names. */
const placeKeys = ["version", "changeSetId", "validFrom", "validTo", "retracted", "status", "organisationId"];
export const ledgerPlaceColumns = placeKeys.map(sqlName);

function sqlName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The data columns of a ledger table, as record keys and SQL names: what a record's `toRow` gives. */
export function dataColumns(entity: Entity<{ id: string }>): { key: string; name: string }[] {
  return Object.entries(getTableColumns(entity.table))
    .filter(([key]) => !placeKeys.includes(key))
    .map(([key, column]) => ({ key, name: column.keyAsName ? sqlName(key) : column.name }));
}

/** A value as a cell of CSV for COPY: empty for null, JSON for objects, quoted text otherwise. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `"${text.replaceAll('"', '""')}"`;
}
