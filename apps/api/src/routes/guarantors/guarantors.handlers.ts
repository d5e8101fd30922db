import { ladderInputOf, ladderTitles, renderLadderChart } from "@commitments/charts";
import { csvLine } from "@commitments/importers";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import { guarantorRows } from "./guarantors.csv.ts";
import type { getGuarantor, guarantorsCsv, guarantorsSvg, listGuarantors } from "./guarantors.routes.ts";
import { readGuarantors } from "./guarantors.view.ts";

export const list: AppRouteHandler<typeof listGuarantors> = async (c) => {
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const [data, meta] = await Promise.all([readGuarantors(db, at), readMeta(db, at)]);
  return c.json({ data, meta }, 200);
};

export const get: AppRouteHandler<typeof getGuarantor> = async (c) => {
  const { party } = c.req.valid("param");
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const [{ guarantors, medianVolume, sources }, meta] = await Promise.all([
    readGuarantors(db, at),
    readMeta(db, at),
  ]);
  const found = guarantors.find((g) => g.party.id === party);
  if (!found)
    throw new ApiError("NOT_FOUND", `No guarantor "${party}": no instrument for Ukraine and no figures`);
  return c.json({ data: { ...found, medianVolume, sources }, meta }, 200);
};

export const csv: AppRouteHandler<typeof guarantorsCsv> = async (c) => {
  const { asOf, party } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const [{ guarantors }, meta] = await Promise.all([readGuarantors(db, at), readMeta(db, at)]);
  const chosen = party === undefined ? guarantors : guarantors.filter((g) => g.party.id === party);
  if (party !== undefined && chosen.length === 0)
    throw new ApiError("NOT_FOUND", `No guarantor "${party}": no instrument for Ukraine and no figures`);
  const body = guarantorRows(chosen, meta).map(csvLine).join("");
  c.header("Content-Type", "text/csv; charset=utf-8; header=present");
  c.header("Content-Disposition", `attachment; filename="guarantors${party ? `-${party}` : ""}.csv"`);
  c.header("X-Dataset-Version", String(meta.datasetVersion));
  c.header("X-As-Of", meta.asOf);
  return c.body(body, 200) as never;
};

export const svg: AppRouteHandler<typeof guarantorsSvg> = async (c) => {
  const { asOf, lang, width, height } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const [data, meta] = await Promise.all([readGuarantors(db, at), readMeta(db, at)]);
  const body = renderLadderChart(
    ladderInputOf(data, {
      lang,
      ...ladderTitles(lang),
      recordsUrl: `${c.get("publicOrigin")}/v1/guarantors.csv`,
      width,
      height,
    }),
  );
  c.header("Content-Type", "image/svg+xml; charset=utf-8");
  c.header("Content-Disposition", 'inline; filename="commitments-tracker-guarantors-ladder.svg"');
  c.header("X-Dataset-Version", String(meta.datasetVersion));
  c.header("X-As-Of", meta.asOf);
  return c.body(body, 200) as never;
};
