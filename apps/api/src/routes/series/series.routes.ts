import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json } from "../../lib/openapi.ts";
import { ReadMeta } from "../../lib/representation.ts";
import { SeriesData, SeriesQuery } from "../../schemas/series.ts";

export const getSeries = createRoute({
  method: "get",
  path: "/v1/series",
  tags: ["Series"],
  summary: "Promised against delivered over time, per period and cumulative",
  description:
    "Figures count in the month of the last day of their (partial) date. Money is converted to EUR or USD from the tracker's exchange-rate table, at each figure's own date or at one fixed date, as stated in `conversion`; the original currencies are always in `original`. Quantities are never added across units: without `unit`, each group is split per unit. A read without `asOf` sums maintained aggregates; with `asOf`, the answer is recomputed from the ledger as it stood then. A series has at most 20,000 points (groups × periods); beyond, a 400 names the parameter to change (interval, groupBy or from).",
  request: { query: SeriesQuery },
  responses: {
    200: json(z.object({ data: SeriesData, meta: ReadMeta }), "One series per group."),
    ...errorResponses,
  },
});
