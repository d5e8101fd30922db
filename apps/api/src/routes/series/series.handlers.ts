import { readSeries } from "@commitments/db";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { seriesQueryOf } from "../../lib/series-query.ts";
import type { getSeries } from "./series.routes.ts";

export const get: AppRouteHandler<typeof getSeries> = async (c) => {
  const query = seriesQueryOf(c.req.valid("query"));
  const at = query.asOf;
  const { datasetVersion, groups, ...data } = await readSeries(c.get("db"), query);
  // The counts before the first period are for the exports' cumulative flags; a point's flags are its period's.
  const shown = groups.map(({ flagsBefore: _, ...group }) => group);
  return c.json(
    { data: { ...data, groups: shown }, meta: { datasetVersion, asOf: (at ?? new Date()).toISOString() } },
    200,
  );
};
