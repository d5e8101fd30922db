import * as db from "@commitments/db";
import { RatesError } from "@commitments/db";
import type { Context } from "hono";
import { principalOf } from "../../lib/auth/authorise.ts";
import type { AppEnv } from "../../lib/context.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import type { listRates, loadRates, loadRatesCsv } from "./rates.routes.ts";

export const list: AppRouteHandler<typeof listRates> = async (c) => {
  const { asOf, cursor, limit, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const page = await db.listRates(c.get("db"), filters, { asOf: at, after: cursor, limit });
  return c.json(
    {
      data: page.items.map((r) => ({
        ...r.record,
        version: r.version,
        retracted: r.retracted,
        recordedAt: r.recordedAt.toISOString(),
      })),
      page: { next: page.next, limit },
      meta: await readMeta(c.get("db"), at),
    },
    200,
  );
};

/** A refused load in the error contract, pointing at the rate or the line at fault. */
async function refusing<T>(location: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RatesError)) throw error;
    const path = error.at.line !== undefined ? `line ${error.at.line}` : String(error.at.index ?? "");
    throw new ApiError("VALIDATION_FAILED", error.message, [{ location, path, message: error.message }]);
  }
}

// The middleware has already checked there is an administrator behind the request.
const actorOf = (c: Context<AppEnv>) => principalOf(c).label;

export const load: AppRouteHandler<typeof loadRates> = async (c) => {
  const rates = c.req.valid("json");
  const loaded = await refusing("json", () =>
    db.loadRates(c.get("db"), rates, actorOf(c), {
      reason: `${rates.length} reference rate(s) through the API`,
    }),
  );
  return c.json({ data: loaded, meta: await readMeta(c.get("db"), undefined) }, 200);
};

export const loadCsv: AppRouteHandler<typeof loadRatesCsv> = async (c) => {
  const type = c.req.header("content-type") ?? "";
  if (!/^text\/(csv|plain)\b/i.test(type)) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the file as text/csv", [
      { location: "header", path: "content-type", message: `expected text/csv, got ${type || "nothing"}` },
    ]);
  }
  const text = await c.req.text();
  const loaded = await refusing("body", () => db.loadRatesCsv(c.get("db"), text, actorOf(c)));
  return c.json({ data: loaded, meta: await readMeta(c.get("db"), undefined) }, 200);
};
