import { locales, useLang, useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";
import type { Series } from "./queries.ts";

/** Converted money has exactly two places (the API says so): sums in whole cents stay exact. */
const cents = (amount: string) => {
  const [whole = "0", fraction = ""] = amount.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
};

/**
 * The headline: everything promised and delivered in the chart, when it is one converted currency (figures in
 * several currencies or units are not added up).
 */
export function Totals({ series }: { series: Series }) {
  const t = useMessages(messages);
  const lang = useLang();
  if (series.measure !== "money" || series.currency === null || series.groups.length === 0) return null;
  let promised = 0n;
  let delivered = 0n;
  for (const group of series.groups) {
    const last = group.points.at(-1);
    if (!last) continue;
    promised += cents(last.cumulativePromised);
    delivered += cents(last.cumulativeDelivered);
  }
  const money = new Intl.NumberFormat(locales[lang], {
    style: "currency",
    currency: series.currency,
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const asNumber = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}` as unknown as number;
  const share =
    promised > 0n
      ? new Intl.NumberFormat(locales[lang], { style: "percent", maximumFractionDigits: 1 }).format(
          Number((delivered * 10000n) / promised) / 10000,
        )
      : "—";
  return (
    <dl className="totals" aria-label={t.totals}>
      <div>
        <dt>{t.promisedTotal}</dt>
        <dd>{money.format(asNumber(promised))}</dd>
      </div>
      <div>
        <dt>{t.deliveredTotal}</dt>
        <dd>{money.format(asNumber(delivered))}</dd>
      </div>
      <div>
        <dt>{t.share}</dt>
        <dd>{share}</dd>
      </div>
    </dl>
  );
}
