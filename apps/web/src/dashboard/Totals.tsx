import type { Stage } from "@commitments/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { locales, useLang, useMessages } from "../i18n/index.ts";
import { inSentence, isId, label } from "../i18n/vocabulary.ts";
import { type ChartState, seriesSearch } from "./chartState.ts";
import { messages } from "./messages.ts";
import { seriesQuery } from "./queries.ts";
import { sourceName, sourceSays, stageWord } from "./sourceWords.ts";

/** Converted money has exactly two places (the API says so): sums in whole cents stay exact. */
const cents = (amount: string) => {
  const [whole = "0", fraction = ""] = amount.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
};
const asNumber = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}` as unknown as number;

/**
 * The headline: the chart's totals source by source (two publishers' figures may count the same aid, so they are
 * never added together), each stage named as the series counts it, and "not reported" where the source reports no
 * such stage: never a zero, nor a share of one.
 */
export function Totals({ state, heading }: { state: ChartState; heading?: ReactNode }) {
  const t = useMessages(messages);
  const lang = useLang();
  // The same question, one series per source: its last cumulative figures are each source's totals.
  const search = seriesSearch(state);
  search.set("groupBy", "source");
  search.set("interval", "year");
  const query = useQuery(seriesQuery(search.toString()));
  const series = query.data?.data;
  if (!series || series.groups.length === 0) return null;
  const promisedWord = stageWord(series.promisedStage, lang);
  const deliveredWord = stageWord(series.deliveredStage, lang);
  const percent = new Intl.NumberFormat(locales[lang], { style: "percent", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locales[lang], { notation: "compact", maximumFractionDigits: 1 });
  const figure = (amount: bigint, group: (typeof series.groups)[number]) => {
    const currency = series.currency ?? group.currency;
    if (series.measure === "money" && currency)
      return new Intl.NumberFormat(locales[lang], {
        style: "currency",
        currency,
        notation: "compact",
        maximumFractionDigits: 1,
      }).format(asNumber(amount));
    const unit =
      group.unit && isId("quantityUnit", group.unit) ? label("quantityUnit", group.unit, lang) : "";
    return `${number.format(asNumber(amount))} ${unit}`.trim();
  };
  return (
    <>
      {heading}
      <section className="totals" aria-label={t.totals}>
        {series.groups.map((group) => {
          const last = group.points.at(-1);
          const promised = cents(last?.cumulativePromised ?? "0");
          const delivered = cents(last?.cumulativeDelivered ?? "0");
          const { reported } = group;
          const share =
            reported.promised && reported.delivered && promised > 0n
              ? percent.format(Number((delivered * 10000n) / promised) / 10000)
              : null;
          const says = sourceSays(group.key, lang);
          return (
            <div className="source-totals" key={`${group.key}|${group.currency ?? group.unit ?? ""}`}>
              <p className="source-name">{sourceName(group.key, lang)}</p>
              <dl>
                <div>
                  <dt>{promisedWord}</dt>
                  <dd>{reported.promised ? figure(promised, group) : t.notReported}</dd>
                </div>
                <div>
                  <dt>{deliveredWord}</dt>
                  <dd>{reported.delivered ? figure(delivered, group) : t.notReported}</dd>
                </div>
                {share === null ? null : (
                  <div>
                    <dt>{t.shareOf(deliveredWord, promisedWord)}</dt>
                    <dd>{share}</dd>
                  </div>
                )}
              </dl>
              {says ? <p className="source-says">{says}</p> : null}
            </div>
          );
        })}
      </section>
      <LeftOut series={series} />
    </>
  );
}

/**
 * The figures a converted total leaves out for want of an exchange rate on their dates, said with the totals: a
 * total that reads €0 while £500m was delivered must say why.
 */
function LeftOut({ series }: { series: { conversion?: { unconverted: Unconverted[] } | null } }) {
  const t = useMessages(messages);
  const lang = useLang();
  const unconverted = series.conversion?.unconverted ?? [];
  if (unconverted.length === 0) return null;
  const figures = unconverted.map((u) => {
    const amount = new Intl.NumberFormat(locales[lang], { style: "currency", currency: u.currency }).format(
      u.amount as unknown as number,
    );
    return `${amount} (${inSentence(stageWord(u.stage, lang))})`;
  });
  return <p className="notice left-out">{t.leftOut(figures.join(", "))}</p>;
}

interface Unconverted {
  stage: Stage;
  currency: string;
  amount: string;
}
