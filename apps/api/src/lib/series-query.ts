import { monthIndex } from "@commitments/core";
import type { SeriesQuery } from "@commitments/db";
import type { z } from "zod";
import type { SeriesQuery as SeriesQueryParams } from "../schemas/series.ts";
import { ApiError } from "./errors.ts";
import { parseAsOf } from "./representation.ts";

function invalid(path: string, message: string): never {
  throw new ApiError("VALIDATION_FAILED", `Invalid query field "${path}": ${message}`, [
    { location: "query", path, message },
  ]);
}

/** The series a valid query asks for, after the checks the schema cannot make; shared by the series, its export and the charts. */
export function seriesQueryOf(q: z.infer<typeof SeriesQueryParams>): SeriesQuery {
  const measure = q.measure ?? (q.unit ? "quantity" : "money");
  if (measure === "money" && q.unit) invalid("unit", "a unit counts quantities: leave it out for money");
  if (measure === "quantity") {
    for (const field of ["currency", "convention", "rateDate"] as const) {
      if (q[field] !== undefined) invalid(field, "quantities are never converted");
    }
  }
  const currency = q.currency ?? "EUR";
  const convention = q.convention ?? "event_date";
  if (currency === "original" && (q.convention !== undefined || q.rateDate !== undefined)) {
    invalid(q.convention !== undefined ? "convention" : "rateDate", "original currencies are not converted");
  }
  if (convention === "fixed_date" && q.rateDate === undefined)
    invalid("rateDate", "required with convention=fixed_date");
  if (convention === "event_date" && q.rateDate !== undefined)
    invalid("rateDate", "only with convention=fixed_date");
  const from = q.from && (q.from.length === 4 ? `${q.from}-01` : q.from);
  const to = q.to && (q.to.length === 4 ? `${q.to}-12` : q.to);
  if (from && to && monthIndex(to) < monthIndex(from)) invalid("to", "the series ends before it starts");

  return {
    groupBy: q.groupBy,
    promised: q.promised,
    delivered: q.delivered,
    interval: q.interval,
    measure,
    currency,
    convention:
      convention === "fixed_date"
        ? { kind: "fixed_date", date: q.rateDate as string }
        : { kind: "event_date" },
    unit: q.unit,
    donor: q.donor,
    category: q.category,
    tier: q.tier,
    agreement: q.agreement,
    source: q.source,
    from,
    to,
    asOf: parseAsOf(q.asOf),
  };
}
