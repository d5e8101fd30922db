import { locales, useLang, useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";
import type { Series } from "./queries.ts";

type Point = Series["groups"][number]["points"][number];

/** The chart's figures as a table: the same numbers, readable without the picture and by screen readers. */
export function SeriesTable({ series }: { series: Series }) {
  const t = useMessages(messages);
  const lang = useLang();
  const number = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 2 });
  const amount = (value: string) => number.format(value as unknown as number);
  const marks = ({ flags: f }: Point) => {
    const words: string[] = [];
    if (f.promised.synthetic + f.delivered.synthetic > 0) words.push(t.markSynthetic);
    if (f.promised.estimated + f.delivered.estimated > 0) words.push(t.markEstimated);
    if (f.promised.disputed + f.delivered.disputed > 0) words.push(t.markDisputed);
    return words.join(", ");
  };
  const rows = series.groups.flatMap((group) => group.points.map((point) => ({ group, point })));
  return (
    <details className="series-table">
      <summary>{t.table}</summary>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.group}</th>
              <th scope="col">{t.period}</th>
              <th scope="col">{t.periodPromised}</th>
              <th scope="col">{t.periodDelivered}</th>
              <th scope="col">{t.cumulativePromised}</th>
              <th scope="col">{t.cumulativeDelivered}</th>
              <th scope="col">{t.marks}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ group, point }) => (
              <tr key={`${group.key}|${group.currency ?? group.unit ?? ""}|${point.period}`}>
                <th scope="row">
                  {group.label}
                  {group.currency || group.unit ? ` (${group.currency ?? group.unit})` : ""}
                </th>
                <td>{point.period}</td>
                <td className="number">{amount(point.promised)}</td>
                <td className="number">{amount(point.delivered)}</td>
                <td className="number">{amount(point.cumulativePromised)}</td>
                <td className="number">{amount(point.cumulativeDelivered)}</td>
                <td>{marks(point)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
