import { locales, useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { isId, label } from "../i18n/vocabulary.ts";
import { messages } from "./messages.ts";
import type { Series } from "./queries.ts";
import { stageWord, unsplitSources } from "./sourceWords.ts";

type Group = Series["groups"][number];
type Point = Group["points"][number];

/**
 * The chart's figures as a table: the same numbers, readable without the picture and by screen readers. Its columns
 * name the stages the series counts; a stage none of a group's sources reports reads "not reported", and a promise
 * its source does not split by category reads so, rather than a zero.
 */
export function SeriesTable({ series }: { series: Series }) {
  const t = useMessages(messages);
  const lang = useLang();
  const partyName = usePartyName();
  /** A group's name in the page's language: the series names its groups in English. */
  const groupName = ({ key, label: name }: Group) => {
    if (key === "all" && series.groupBy === "all") return t.allCommitments;
    if (key === "none" && (series.groupBy === "tier" || series.groupBy === "agreement")) return t.noAgreement;
    if (series.groupBy === "donor") return partyName(key) === key ? name : partyName(key);
    if (series.groupBy === "category" && isId("category", key)) return label("category", key, lang);
    if (series.groupBy === "tier" && isId("tier", key)) return label("tier", key, lang);
    if (series.groupBy === "source" && isId("sourceDataset", key)) return label("sourceDataset", key, lang);
    return name;
  };
  const unitName = (unit: string) => (isId("quantityUnit", unit) ? label("quantityUnit", unit, lang) : unit);
  const number = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 2 });
  const amount = (value: string) => number.format(value as unknown as number);
  const marks = ({ flags: f }: Point) => {
    const words: string[] = [];
    if (!f) return "";
    if (f.promised.synthetic + f.delivered.synthetic > 0) words.push(t.markSynthetic);
    if (f.promised.estimated + f.delivered.estimated > 0) words.push(t.markEstimated);
    if (f.promised.disputed + f.delivered.disputed > 0) words.push(t.markDisputed);
    return words.join(", ");
  };
  const promisedWord = stageWord(series.promisedStage, lang);
  const deliveredWord = stageWord(series.deliveredStage, lang);
  const unsplit = new Set(unsplitSources(series).map((s) => s.id));
  /** A group's promised figure, or why it has none to compare. */
  const promisedCell = (group: Group, value: string) => {
    if (!group.reported.promised) return t.notReported;
    const none = /^0(\.0+)?$/.test(group.points.at(-1)?.cumulativePromised ?? "0");
    if (none && group.sources.some((s) => unsplit.has(s))) return t.notSplit;
    return amount(value);
  };
  const deliveredCell = (group: Group, value: string) =>
    group.reported.delivered ? amount(value) : t.notReported;
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
              <th scope="col">{t.inPeriod(promisedWord)}</th>
              <th scope="col">{t.inPeriod(deliveredWord)}</th>
              <th scope="col">{t.cumulative(promisedWord)}</th>
              <th scope="col">{t.cumulative(deliveredWord)}</th>
              <th scope="col">{t.marks}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ group, point }) => (
              <tr key={`${group.key}|${group.currency ?? group.unit ?? ""}|${point.period}`}>
                <th scope="row">
                  {groupName(group)}
                  {group.currency ? ` (${group.currency})` : group.unit ? ` (${unitName(group.unit)})` : ""}
                </th>
                <td>{point.period}</td>
                <td className="number">{promisedCell(group, point.promised)}</td>
                <td className="number">{deliveredCell(group, point.delivered)}</td>
                <td className="number">{promisedCell(group, point.cumulativePromised)}</td>
                <td className="number">{deliveredCell(group, point.cumulativeDelivered)}</td>
                <td>{marks(point)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
