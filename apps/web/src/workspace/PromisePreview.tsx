import { compare, type Measure, magnitude } from "@commitments/core";
import { formatMeasure } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { toMeasure } from "./drafts.ts";
import { EntryReader } from "./entry.ts";
import { type PromiseBasis, type PromiseDraft, scheduleTotal } from "./promise.ts";
import { promiseMessages } from "./promise-messages.ts";

/**
 * How the promise will read on the donor's page and in fulfilment once published, as the clerk types: what counts
 * as promised (only a committed stage does), that nothing is delivered until a delivery is recorded, and whether
 * the schedule adds up to the amount.
 */
export function PromisePreview({ promise, basis }: { promise: PromiseDraft; basis: PromiseBasis }) {
  const t = useMessages(promiseMessages).preview;
  const lang = useLang();
  const read = new EntryReader(lang);
  const measure = toMeasure(basis.measure, read) as Measure;
  const readable = Object.keys(read.problems).length === 0 && magnitude(measure) !== "";
  const shown = (m: Measure) => formatMeasure(m, { exact: true, lang });
  const { total, amount } = scheduleTotal(promise, basis, lang);

  let promised: string;
  if (!readable) promised = t.noAmount;
  else if (promise.stage === "committed") promised = shown(measure);
  else if (promise.stage === "pledged") promised = t.onlyPledged(shown(measure));
  else promised = t.nothingPromised;

  let schedule: string;
  if (promise.schedule.length === 0) schedule = t.noSchedule;
  else if (!total || !amount) schedule = t.scheduleUnread(promise.schedule.length);
  else {
    const order = compare(magnitude(total), magnitude(amount));
    const words = order === 0 ? t.covers : order < 0 ? t.short : t.over;
    schedule = t.schedule(promise.schedule.length, shown(total), shown(amount), words);
  }

  return (
    <aside className="promise-preview" aria-labelledby="promise-preview-title">
      <h3 id="promise-preview-title">{t.title}</h3>
      <dl aria-live="polite">
        <dt>{t.promised}</dt>
        <dd>{promised}</dd>
        <dt>{t.delivered}</dt>
        <dd>{t.nothingDelivered}</dd>
        <dt>{t.scheduleTerm}</dt>
        <dd>{schedule}</dd>
      </dl>
    </aside>
  );
}
