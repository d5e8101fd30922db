import { categoryIds, sourceDatasetIds, stageIds, tierIds } from "@commitments/core/vocabulary";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { agreementsQuery, partiesQuery } from "../api.ts";
import { agreementShortTitle, byAgreementTitle } from "../i18n/agreements.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { labelsOf } from "../i18n/vocabulary.ts";
import { updateSearch } from "../useSearchParam.ts";
import type { ChartState, SeriesParamName } from "./chartState.ts";
import { messages } from "./messages.ts";

function Select({
  name,
  label,
  value,
  children,
}: {
  name: SeriesParamName | "chart";
  label: string;
  value: string;
  children: ReactNode;
}) {
  const id = useId();
  // The label sits beside its control, not around it: a wrapping label would take the options' text into its name.
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => updateSearch({ [name]: event.target.value })}
      >
        {children}
      </select>
    </div>
  );
}

/**
 * The chart's question, every part of it a URL parameter: changing one is a step in the history, so Back undoes
 * it and the address bar always holds a link to what is on screen.
 */
export function ChartFilters({ state }: { state: ChartState }) {
  const t = useMessages(messages);
  const parties = useQuery(partiesQuery);
  const agreements = useQuery(agreementsQuery);
  const lang = useLang();
  const categoryNames = labelsOf("category", lang);
  const tierNames = labelsOf("tier", lang);
  const sourceNames = labelsOf("sourceDataset", lang);
  const partyName = usePartyName();
  const s = state.series;
  const donors = (parties.data ?? [])
    .filter((p) => p.id !== "UA")
    .map((p) => ({ id: p.id, name: partyName(p.id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const topCategories = categoryIds.filter((id) => !id.includes("."));
  return (
    <form className="chart-filters" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
      <Select name="chart" label={t.chartKind} value={state.chart}>
        <option value="cumulative">{t.chartKinds.cumulative}</option>
        <option value="bars">{t.chartKinds.bars}</option>
      </Select>
      <Select name="groupBy" label={t.groupBy} value={s.groupBy ?? "all"}>
        {(["all", "donor", "category", "tier", "agreement", "source"] as const).map((g) => (
          <option key={g} value={g}>
            {t.groupByOptions[g]}
          </option>
        ))}
      </Select>
      {/* Whose figures: one publisher's, or all added up (which may count the same aid twice; the panel says so). */}
      <Select name="source" label={t.source} value={s.source ?? ""}>
        <option value="">{t.anySource}</option>
        {sourceDatasetIds.map((id) => (
          <option key={id} value={id}>
            {sourceNames[id]}
          </option>
        ))}
      </Select>
      <Select name="donor" label={t.donor} value={s.donor ?? ""}>
        <option value="">{t.any}</option>
        {donors.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <Select name="category" label={t.category} value={s.category ?? ""}>
        <option value="">{t.any}</option>
        {topCategories.map((id) => (
          <option key={id} value={id}>
            {categoryNames[id]}
          </option>
        ))}
      </Select>
      <Select name="tier" label={t.tier} value={s.tier ?? ""}>
        <option value="">{t.any}</option>
        {tierIds.map((tier) => (
          <option key={tier} value={tier}>
            {tierNames[tier]}
          </option>
        ))}
        <option value="none">{t.noAgreement}</option>
      </Select>
      <Select name="agreement" label={t.agreement} value={s.agreement ?? ""}>
        <option value="">{t.any}</option>
        {byAgreementTitle(agreements.data ?? [], lang, agreementShortTitle).map((a) => (
          <option key={a.id} value={a.id}>
            {agreementShortTitle(a, lang)}
          </option>
        ))}
      </Select>
      <Select name="promised" label={t.promisedStage} value={s.promised ?? "committed"}>
        {stageIds.map((stage) => (
          <option key={stage} value={stage}>
            {t.stages[stage]}
          </option>
        ))}
      </Select>
      <Select name="delivered" label={t.deliveredStage} value={s.delivered ?? ""}>
        <option value="">{t.furthestStage}</option>
        {stageIds.map((stage) => (
          <option key={stage} value={stage}>
            {t.stages[stage]}
          </option>
        ))}
      </Select>
      <Select name="interval" label={t.interval} value={s.interval ?? "month"}>
        {(["month", "quarter", "year"] as const).map((i) => (
          <option key={i} value={i}>
            {t.intervals[i]}
          </option>
        ))}
      </Select>
      <Select name="measure" label={t.measure} value={s.measure ?? "money"}>
        <option value="money">{t.measures.money}</option>
        <option value="quantity">{t.measures.quantity}</option>
      </Select>
      {s.measure === "quantity" ? null : (
        <Select name="currency" label={t.currency} value={s.currency ?? "EUR"}>
          {(["EUR", "USD", "original"] as const).map((c) => (
            <option key={c} value={c}>
              {t.currencies[c]}
            </option>
          ))}
        </Select>
      )}
      <TextFilter name="from" label={t.from} value={s.from} pattern="(19|20|21)\d{2}(-(0[1-9]|1[0-2]))?" />
      <TextFilter name="to" label={t.to} value={s.to} pattern="(19|20|21)\d{2}(-(0[1-9]|1[0-2]))?" />
      <div className="filter">
        <label htmlFor="as-of">{t.asOf}</label>
        <input
          id="as-of"
          type="date"
          name="asOf"
          aria-describedby="as-of-hint"
          value={s.asOf?.slice(0, 10) ?? ""}
          onChange={(event) =>
            // The end of the chosen day: the tracker as it stood when that day was over.
            updateSearch({ asOf: event.target.value ? `${event.target.value}T23:59:59Z` : null })
          }
        />
        <small id="as-of-hint">{t.asOfHint}</small>
      </div>
    </form>
  );
}

/** A free-text filter applied when the reader leaves the field or presses Enter, and only when it is well formed. */
function TextFilter({
  name,
  label,
  value,
  pattern,
}: {
  name: SeriesParamName;
  label: string;
  value: string | undefined;
  pattern: string;
}) {
  const apply = (input: HTMLInputElement) => {
    if (input.validity.valid) updateSearch({ [name]: input.value.trim() || null });
  };
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        key={value ?? ""}
        name={name}
        defaultValue={value ?? ""}
        pattern={pattern}
        inputMode="numeric"
        size={8}
        onBlur={(event) => apply(event.currentTarget)}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply(event.currentTarget);
        }}
      />
    </div>
  );
}
