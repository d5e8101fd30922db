import { dateRange, type Measure, normalize, type PartialDate } from "@commitments/core";

/** Measure columns as stored: exact numeric, plus currency or unit and item. */
export interface MeasureRow {
  measureKind: "money" | "quantity";
  amount: string;
  currency: string | null;
  unit: string | null;
  item: string | null;
}

export function measureToRow(measure: Measure): MeasureRow {
  return measure.kind === "money"
    ? { measureKind: "money", amount: measure.amount, currency: measure.currency, unit: null, item: null }
    : {
        measureKind: "quantity",
        amount: measure.count,
        currency: null,
        unit: measure.unit,
        item: measure.item,
      };
}

export function measureFromRow(row: MeasureRow): Measure {
  // PostgreSQL returns numeric(30,10) with all ten decimals; the API speaks the shortest exact form.
  const amount = normalize(row.amount);
  return row.measureKind === "money"
    ? { kind: "money", amount, currency: row.currency as string }
    : { kind: "quantity", count: amount, unit: row.unit as never, item: row.item as string };
}

/** A partial date with the first and last day it may stand for, as the date columns store it. */
export function dateColumns(date: PartialDate) {
  const { start, end } = dateRange(date);
  return { date, dateFrom: start, dateTo: end };
}

export function dueColumns(due: PartialDate) {
  const { start, end } = dateRange(due);
  return { due, dueFrom: start, dueTo: end };
}
