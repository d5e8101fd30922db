import {
  addDays,
  compare,
  compareDays,
  ExchangeRate,
  normalize,
  parseReferenceRatesCsv,
} from "@commitments/core";
import { and, asc, gt, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { openChangeSet, versionAt, visibleAt, writeTransaction } from "./ledger.ts";
import { latestRateDate } from "./rates-table.ts";
import type { Page, Versioned } from "./records.ts";
import { exchangeRates } from "./schema.ts";
import { refreshMoneySeriesFrom } from "./series-cells.ts";

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
  return writeTransaction(db, async (tx) => {
    const current = new Map<string, { version: number; perEur: string }>();
    for (const ids of chunk([...wanted.keys()], 10_000)) {
      const rows = await tx
        .select({ id: exchangeRates.id, version: exchangeRates.version, perEur: exchangeRates.perEur })
        .from(exchangeRates)
        .where(and(inArray(exchangeRates.id, ids), versionAt(exchangeRates)));
      for (const row of rows) current.set(row.id, row);
    }
    const changes = [...wanted.values()].filter((rate) => {
      const was = current.get(rateId(rate));
      return !was || compare(was.perEur, rate.perEur) !== 0;
    });
    const unchanged = wanted.size - changes.length;
    if (changes.length === 0) return { changeSet: null, created: 0, replaced: 0, unchanged };

    const latestBefore = await latestRateDate(tx);
    const cs = await openChangeSet(tx, {
      actor,
      origin: "rates",
      reason: options.reason ?? `${changes.length} reference rate(s)`,
      metadata: options.metadata,
    });
    const replacedIds = changes.map(rateId).filter((id) => current.has(id));
    for (const ids of chunk(replacedIds, 10_000)) {
      await tx.execute(
        sql`update ${exchangeRates} set valid_to = ${cs.recordedAt}
            where ${exchangeRates.id} in ${ids} and ${exchangeRates.validTo} is null`,
      );
    }
    const rows = changes.map((rate) => ({
      id: rateId(rate),
      version: (current.get(rateId(rate))?.version ?? 0) + 1,
      changeSetId: cs.id,
      validFrom: cs.recordedAt,
      validTo: null,
      retracted: false,
      currency: rate.currency,
      date: rate.date,
      perEur: rate.perEur,
    }));
    for (const part of chunk(rows, 5_000)) await tx.insert(exchangeRates).values(part);

    // A rate on day D can price figures whose rate date is D to D + 7 (the lookup's fallback), and those count from
    // D or later. A later latest rate date moves the rate date of partial dates whose middle lay beyond the old one.
    const earliest = changes.map((r) => r.date).sort(compareDays)[0] as string;
    const latestAfter = await latestRateDate(tx);
    const from =
      latestBefore !== null &&
      latestAfter !== latestBefore &&
      compareDays(addDays(latestBefore, 1), earliest) < 0
        ? addDays(latestBefore, 1)
        : earliest;
    await refreshMoneySeriesFrom(tx, from);
    return {
      changeSet: cs.id,
      created: changes.length - replacedIds.length,
      replaced: replacedIds.length,
      unchanged,
    };
  });
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
