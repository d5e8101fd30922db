import { randomBytes } from "node:crypto";
import {
  addDays,
  compare,
  compareDays,
  ExchangeRate,
  normalize,
  parseReferenceRatesCsv,
} from "@commitments/core";
import { and, asc, gt, gte, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { rowsOf } from "./entities.ts";
import { importConnection } from "./imports/staging.ts";
import { openChangeSet, visibleAt, writeTransaction } from "./ledger.ts";
import { latestRateDate } from "./rates-table.ts";
import type { Page, Versioned } from "./records.ts";
import { exchangeRates } from "./schema.ts";
import { refreshMoneySeriesFrom } from "./series/cells.ts";

/** A rate's ledger id: one record per currency and day. */
export const rateId = (rate: { currency: string; date: string }) => `${rate.currency}-${rate.date}`;

export interface RatesLoaded {
  /** The change set recording the load; null when every rate was already recorded as given. */
  changeSet: number | null;
  created: number;
  replaced: number;
  unchanged: number;
}

/** Rates the caller sent that are wrong or contradict each other: nothing was written. */
export class RatesError extends Error {
  constructor(
    message: string,
    /** Where: the 1-based line of a CSV file, or the index of a rate in a list. */
    readonly at: { line?: number; index?: number } = {},
  ) {
    super(message);
  }
}

// PostgreSQL takes at most 65,535 parameters a statement.
const chunk = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Records reference rates in one change set (origin "rates"). A rate already recorded with the same value is left
 * alone; a different value for the same currency and day is a new version of that record. The series cells of the
 * months the new rates can reach are recomputed in the same transaction.
 */
export async function loadRates(
  db: Db,
  input: readonly ExchangeRate[],
  actor: string,
  options: { reason?: string | undefined; metadata?: Record<string, unknown> | undefined } = {},
): Promise<RatesLoaded> {
  const wanted = new Map<string, ExchangeRate>();
  for (const [index, raw] of input.entries()) {
    const parsed = ExchangeRate.safeParse(raw);
    if (!parsed.success) throw new RatesError(parsed.error.issues[0]?.message ?? "invalid rate", { index });
    const rate = parsed.data;
    const seen = wanted.get(rateId(rate));
    if (seen && compare(seen.perEur, rate.perEur) !== 0) {
      throw new RatesError(`two different ${rate.currency} rates for ${rate.date}`, { index });
    }
    wanted.set(rateId(rate), rate);
  }
  // Staged by COPY on a connection of the load's own and compared set-wise: the ECB's history is 200,000 rates.
  const conn = await importConnection(db);
  const staged = `rates_${randomBytes(6).toString("hex")}`;
  try {
    await conn.db.execute(
      sql`create temporary table ${sql.identifier(staged)} (id text, currency text, date date, per_eur numeric)`,
    );
    const lines = [...wanted.values()].map((r) => `${rateId(r)},${r.currency},${r.date},${r.perEur}`);
    for (const part of chunk(lines, 50_000)) {
      await conn.copy(staged, ["id", "currency", "date", "per_eur"], part);
    }
    await conn.db.execute(sql`create index on ${sql.identifier(staged)} (id)`);
    await conn.db.execute(sql`analyze ${sql.identifier(staged)}`);
    return await writeTransaction(conn.db, async (tx) => {
      const s = sql.identifier(staged);
      // The staged rates that are new or differ from the current version of their record.
      const changed = sql`select s.id, s.currency, s.date, s.per_eur, l.version as was from ${s} s
        left join ${exchangeRates} l on l.id = s.id and l.valid_to is null
        where l.id is null or l.per_eur <> s.per_eur`;
      const [counts] = rowsOf<{ created: number; replaced: number; earliest: string | null }>(
        await tx.execute(sql`select count(*) filter (where was is null)::int as created,
          count(*) filter (where was is not null)::int as replaced, min(date)::text as earliest from (${changed}) c`),
      );
      const created = counts?.created ?? 0;
      const replaced = counts?.replaced ?? 0;
      const unchanged = wanted.size - created - replaced;
      if (created + replaced === 0) return { changeSet: null, created: 0, replaced: 0, unchanged };

      const latestBefore = await latestRateDate(tx);
      const cs = await openChangeSet(tx, {
        actor,
        origin: "rates",
        reason: options.reason ?? `${created + replaced} reference rate(s)`,
        metadata: options.metadata,
      });
      const at = sql`${cs.recordedAt.toISOString()}::timestamptz`;
      await tx.execute(sql`create temporary table ${sql.identifier(`${staged}_changed`)} as ${changed}`);
      const c = sql.identifier(`${staged}_changed`);
      await tx.execute(sql`update ${exchangeRates} l set valid_to = ${at} from ${c} c
        where l.id = c.id and l.valid_to is null and c.was is not null`);
      await tx.execute(sql`insert into ${exchangeRates}
          (id, version, change_set_id, valid_from, valid_to, retracted, currency, date, per_eur)
        select id, coalesce(was, 0) + 1, ${cs.id}::bigint, ${at}, null, false, currency, date, per_eur from ${c}`);
      await tx.execute(sql`drop table ${c}`);

      // A rate on day D can price figures whose rate date is D to D + 7 (the lookup's fallback), and those count
      // from D or later. A later latest rate date moves the rate date of partial dates whose middle lay beyond the
      // old one.
      const earliest = counts?.earliest as string;
      const latestAfter = await latestRateDate(tx);
      const from =
        latestBefore !== null &&
        latestAfter !== latestBefore &&
        compareDays(addDays(latestBefore, 1), earliest) < 0
          ? addDays(latestBefore, 1)
          : earliest;
      await refreshMoneySeriesFrom(tx, from);
      return { changeSet: cs.id, created, replaced, unchanged };
    });
  } finally {
    conn.release(
      await conn.db
        .execute(sql`drop table if exists ${sql.identifier(staged)}`)
        .then(() => false)
        .catch(() => true),
    );
  }
}

/**
 * Loads a file in the ECB reference-rates CSV layout (see parseReferenceRatesCsv) in one change set. For the API
 * and for the import pipeline alike; refuses the whole file, naming the line, if any cell is wrong.
 */
export async function loadRatesCsv(
  db: Db,
  text: string,
  actor: string,
  reason?: string,
): Promise<RatesLoaded & { skippedCurrencies: string[] }> {
  const parsed = parseReferenceRatesCsv(text);
  if (!parsed.ok) throw new RatesError(parsed.error.message, { line: parsed.error.line });
  const loaded = await loadRates(db, parsed.value.rates, actor, {
    reason: reason ?? `reference-rates CSV, ${parsed.value.rates.length} rate(s)`,
    metadata: { format: "ecb-csv" },
  });
  return { ...loaded, skippedCurrencies: parsed.value.skippedCurrencies };
}

export interface RateFilters {
  currency?: string | undefined;
  /** Rates on or after this day. */
  from?: string | undefined;
  /** Rates on or before this day. */
  to?: string | undefined;
}

/** One page of the rates the tracker held at `asOf`, by currency then day; the cursor is the last rate's id. */
export async function listRates(
  db: Db,
  filters: RateFilters,
  options: { asOf?: Date | undefined; after?: string | undefined; limit: number },
): Promise<Page<Versioned<ExchangeRate>>> {
  const where: SQL[] = [visibleAt(exchangeRates, options.asOf)];
  if (filters.currency) where.push(sql`${exchangeRates.currency} = ${filters.currency}`);
  if (filters.from) where.push(gte(exchangeRates.date, filters.from));
  if (filters.to) where.push(lte(exchangeRates.date, filters.to));
  if (options.after !== undefined) where.push(gt(exchangeRates.id, options.after));
  const rows = await db
    .select()
    .from(exchangeRates)
    .where(and(...where))
    .orderBy(asc(exchangeRates.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map((row) => ({
    record: { date: row.date, currency: row.currency, perEur: normalize(row.perEur) },
    version: row.version,
    retracted: row.retracted,
    recordedAt: row.validFrom,
    changeSet: row.changeSetId,
    status: "published" as const,
    organisation: null,
  }));
  const last = items.at(-1)?.record;
  return { items, next: rows.length > options.limit && last ? rateId(last) : null };
}
