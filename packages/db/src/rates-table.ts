import { addDays, createRateTable, normalize, type RateTable } from "@commitments/core";
import { and, gte, inArray, lte, max } from "drizzle-orm";
import type { Db } from "./client.ts";
import { visibleAt } from "./ledger.ts";
import { exchangeRates } from "./schema.ts";

/** The latest rate date of any currency in the table as it stood at `asOf`; null for an empty table. */
export async function latestRateDate(db: Db, asOf?: Date): Promise<string | null> {
  const [row] = await db
    .select({ latest: max(exchangeRates.date) })
    .from(exchangeRates)
    .where(visibleAt(exchangeRates, asOf));
  return row?.latest ?? null;
}

/**
 * The rate table as it stood at `asOf` (now if not given), for figures of these currencies whose rate dates lie
 * between `from` and `to`: it holds the rates those lookups can reach (up to 7 days back) and the whole table's
 * latest rate date, which caps the rate date of partial dates (rateDateFor).
 */
export async function rateTableFor(
  db: Db,
  currencies: readonly string[],
  from: string,
  to: string,
  asOf?: Date,
): Promise<RateTable> {
  const wanted = [...new Set(currencies)].filter((c) => c !== "EUR");
  const rows = wanted.length
    ? await db
        .select({ currency: exchangeRates.currency, date: exchangeRates.date, perEur: exchangeRates.perEur })
        .from(exchangeRates)
        .where(
          and(
            visibleAt(exchangeRates, asOf),
            inArray(exchangeRates.currency, wanted),
            gte(exchangeRates.date, addDays(from, -7)),
            lte(exchangeRates.date, to),
          ),
        )
    : [];
  const table = createRateTable(rows.map((r) => ({ ...r, perEur: normalize(r.perEur) })));
  // One version per currency and day is current at any moment, so the rows cannot conflict.
  if (!table.ok) throw new Error(table.error.message);
  return { ...table.value, latestDate: await latestRateDate(db, asOf) };
}
