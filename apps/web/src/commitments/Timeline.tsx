import { type Measure, reportsStage } from "@commitments/core";
import type { ReactNode } from "react";
import type { CommitmentDetail } from "../api.ts";
import { formatInteger, formatMeasure, formatPartialDate, inMeasureOf } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { stageLabel } from "./labels.ts";
import { messages } from "./messages.ts";
import { dayNumber, fromUnits, type TimelinePoint, timelineData } from "./timelineData.ts";

type Detail = CommitmentDetail["data"];

// The drawing's own coordinates; the SVG scales to its container (a phone's width included).
const width = 480;
const height = 240;
// The top figure is written above its line, inside the plot, so a long one ("800 млн EUR") is never cut off.
const margin = { top: 24, right: 14, bottom: 30, left: 22 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/** Year boundaries within the span, thinned to about six, as the x axis's ticks. */
function yearTicks(from: number, to: number): { day: number; label: string }[] {
  const first = new Date(from * 86_400_000).getUTCFullYear() + 1;
  const last = new Date(to * 86_400_000).getUTCFullYear();
  const years: number[] = [];
  for (let year = first; year <= last; year++) years.push(year);
  const stride = Math.max(1, Math.ceil(years.length / 6));
  return years
    .filter((_, i) => i % stride === 0)
    .map((year) => ({ day: Date.UTC(year, 0, 1) / 86_400_000, label: String(year) }));
}

/** A running total as a line of steps: flat until the next point, then up to its total. */
function stepPath(
  points: TimelinePoint[],
  x: (day: number) => number,
  y: (units: bigint) => number,
  span: { from: number; to: number },
) {
  let path = `M${x(span.from)},${y(0n)}`;
  for (const point of points) path += ` H${x(dayNumber(point.day))} V${y(point.cumulative)}`;
  return `${path} H${x(span.to)}`;
}

/**
 * The schedule against deliveries on one timeline: tranches due and delivered events, each as a running total,
 * with the synthetic, estimated and disputed deliveries marked by shape as well as colour. The drawing is one
 * image with a summary for screen readers; the figures themselves are in the tables below, with their sources.
 */
export function Timeline({ detail, asOf }: { detail: Detail; asOf: string }) {
  const t = useMessages(messages).timeline;
  const { commitment, schedule, events } = detail;
  const data = timelineData(commitment, schedule, events);

  let body: ReactNode;
  if (!data.ok) body = <p className="empty-state">{t.mixed}</p>;
  else if (data.due.length === 0 && data.delivered.length === 0)
    // "Nothing delivered" only where the source reports deliveries; Kiel's lines are silent on them.
    body = (
      <p className="empty-state">
        {reportsStage(commitment.sourceDataset ?? "tracker", "delivered") ? t.nothing : t.nothingReported}
      </p>
    );
  else body = <Drawing measure={commitment.measure} due={data.due} delivered={data.delivered} asOf={asOf} />;

  return (
    <section aria-labelledby="timeline-title" className="delivery-timeline">
      <h2 id="timeline-title">{t.title}</h2>
      {body}
    </section>
  );
}

function Drawing({
  measure,
  due,
  delivered,
  asOf,
}: {
  measure: Measure;
  due: TimelinePoint[];
  delivered: TimelinePoint[];
  asOf: string;
}) {
  const t = useMessages(messages).timeline;
  const lang = useLang();
  const today = asOf.slice(0, 10);
  // In one loop, not spread into Math.min: a commitment may have hundreds of tranches and deliveries.
  let from = dayNumber(today);
  let to = from;
  for (const point of [...due, ...delivered]) {
    const day = dayNumber(point.day);
    if (day < from) from = day;
    if (day > to) to = day;
  }
  if (to - from < 60) {
    from -= 30;
    to += 30;
  }
  const totalDue = due.at(-1)?.cumulative ?? 0n;
  const totalDelivered = delivered.at(-1)?.cumulative ?? 0n;
  const top = totalDue > totalDelivered ? totalDue : totalDelivered;

  const x = (day: number) => margin.left + (day - from) * (plotWidth / (to - from));
  // A share of the top in thousandths is exact enough for a drawing, and keeps bigints out of floats' range.
  const y = (units: bigint) =>
    margin.top + plotHeight - (top === 0n ? 0 : Number((units * 1000n) / top) / 1000) * plotHeight;
  const amount = (units: bigint, exact = false) =>
    formatMeasure(inMeasureOf(measure, fromUnits(units)), { exact, lang });
  const figure = (decimal: string) => formatMeasure(inMeasureOf(measure, decimal), { exact: true, lang });
  const deliveredAs = stageLabel("delivered", measure, lang);
  const date = (value: string) => formatPartialDate(value, lang);

  const summary = t.summary({
    scheduled: amount(totalDue, true),
    tranches: due.length,
    delivered: amount(totalDelivered, true),
    deliveries: delivered.length,
    deliveredAs,
    asOf: date(today),
    synthetic: delivered.filter((p) => p.synthetic).length,
    estimated: delivered.filter((p) => p.estimated).length,
    disputed: delivered.filter((p) => p.disputed).length,
  });
  const ticks = yearTicks(from, to);
  const baseline = y(0n);

  return (
    <figure className="timeline-figure">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="timeline-svg">
        <line className="tl-grid" x1={margin.left} x2={width - margin.right} y1={y(top)} y2={y(top)} />
        <line className="tl-axis" x1={margin.left} x2={width - margin.right} y1={baseline} y2={baseline} />
        <text className="tl-label" x={margin.left + 2} y={y(top) - 6}>
          {amount(top)}
        </text>
        <text className="tl-label" x={margin.left - 5} y={baseline + 4} textAnchor="end">
          {formatInteger(0, lang)}
        </text>
        {ticks.map((tick) => (
          <g key={tick.label}>
            <line className="tl-tick" x1={x(tick.day)} x2={x(tick.day)} y1={baseline} y2={baseline + 5} />
            <text className="tl-label" x={x(tick.day)} y={baseline + 18} textAnchor="middle">
              {tick.label}
            </text>
          </g>
        ))}
        <line
          className="tl-now"
          x1={x(dayNumber(today))}
          x2={x(dayNumber(today))}
          y1={margin.top}
          y2={baseline}
        />
        {due.length > 0 ? <path className="tl-scheduled" d={stepPath(due, x, y, { from, to })} /> : null}
        {delivered.length > 0 ? (
          <path className="tl-delivered" d={stepPath(delivered, x, y, { from, to: dayNumber(today) })} />
        ) : null}
        {due.map((p) => (
          <rect
            key={p.id}
            className="tl-tranche"
            x={x(dayNumber(p.day)) - 4}
            y={y(p.cumulative) - 4}
            width={8}
            height={8}
          >
            <title>{`${t.tranche}: ${date(p.date)}, ${figure(p.amount)}`}</title>
          </rect>
        ))}
        {delivered.map((p) => (
          <DeliveryMark
            key={p.id}
            point={p}
            cx={x(dayNumber(p.day))}
            cy={y(p.cumulative)}
            title={`${deliveredAs}: ${date(p.date)}, ${figure(p.amount)}`}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="timeline-legend" aria-label={t.legend}>
          <li>
            <Swatch kind="scheduled" /> {t.scheduledLine}
          </li>
          <li>
            <Swatch kind="delivered" /> {t.deliveredLine(deliveredAs)}
          </li>
          <li>
            <Swatch kind="tranche" /> {t.tranche}
          </li>
          <li>
            <Swatch kind="delivery" /> {t.delivery(deliveredAs)}
          </li>
          <li>
            <Swatch kind="synthetic" /> {t.synthetic}
          </li>
          <li>
            <Swatch kind="estimated" /> {t.estimated}
          </li>
          <li>
            <Swatch kind="disputed" /> {t.disputed}
          </li>
          <li>
            <Swatch kind="now" /> {t.asOf(date(today))}
          </li>
        </ul>
        <p className="field-hint">{t.partialDates}</p>
      </figcaption>
    </figure>
  );
}

/** One delivery: a dot, hollow and purple when synthetic, ringed when estimated, crossed when disputed. */
function DeliveryMark({
  point,
  cx,
  cy,
  title,
}: {
  point: TimelinePoint;
  cx: number;
  cy: number;
  title: string;
}) {
  return (
    <g data-timeline-event={point.id}>
      <title>{title}</title>
      <circle
        className={point.synthetic ? "tl-delivery tl-synthetic" : "tl-delivery"}
        cx={cx}
        cy={cy}
        r={4.5}
      />
      {point.estimated ? <circle className="tl-estimated" cx={cx} cy={cy} r={8} /> : null}
      {point.disputed ? (
        <path
          className="tl-disputed"
          d={`M${cx - 6},${cy - 6} L${cx + 6},${cy + 6} M${cx - 6},${cy + 6} L${cx + 6},${cy - 6}`}
        />
      ) : null}
    </g>
  );
}

/** The legend's sample of each mark, drawn as on the timeline. */
function Swatch({
  kind,
}: {
  kind: "scheduled" | "delivered" | "tranche" | "delivery" | "synthetic" | "estimated" | "disputed" | "now";
}) {
  const mark = {
    scheduled: <path className="tl-scheduled" d="M2,12 H12 V4 H26" />,
    delivered: <path className="tl-delivered" d="M2,12 H12 V4 H26" />,
    tranche: <rect className="tl-tranche" x={10} y={4} width={8} height={8} />,
    delivery: <circle className="tl-delivery" cx={14} cy={8} r={4.5} />,
    synthetic: <circle className="tl-delivery tl-synthetic" cx={14} cy={8} r={4.5} />,
    estimated: (
      <>
        <circle className="tl-delivery" cx={14} cy={8} r={4.5} />
        <circle className="tl-estimated" cx={14} cy={8} r={7} />
      </>
    ),
    disputed: (
      <>
        <circle className="tl-delivery" cx={14} cy={8} r={4.5} />
        <path className="tl-disputed" d="M8,2 L20,14 M8,14 L20,2" />
      </>
    ),
    now: <line className="tl-now" x1={14} x2={14} y1={0} y2={16} />,
  }[kind];
  return (
    <svg className="timeline-swatch" width={28} height={16} viewBox="0 0 28 16" aria-hidden="true">
      {mark}
    </svg>
  );
}
