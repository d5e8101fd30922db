import { QuantityUnit } from "@commitments/core";
import { FieldGroup, fieldId, InputField, SelectField } from "../forms/Field.tsx";
import { useLang, useMessages } from "../i18n/index.ts";
import { label } from "../i18n/vocabulary.ts";
import type { MeasureDraft, PeriodDraft } from "./drafts.ts";
import { messages } from "./messages.ts";

/** Money (an exact amount and its currency) or a quantity (a count of an item, in a unit): one or the other. */
export function MeasureFields({
  form,
  value,
  onChange,
  errorAt,
}: {
  form: string;
  value: MeasureDraft;
  onChange: (next: MeasureDraft) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const m = t.measure;
  const set = (change: Partial<MeasureDraft>) => onChange({ ...value, ...change });
  const id = (path: string) => fieldId(form, path);
  return (
    <FieldGroup id={id("measure")} legend={m.legend} error={errorAt("measure")} className="measure">
      <div className="choices" role="radiogroup" aria-label={m.kindLabel}>
        {(["money", "quantity"] as const).map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name={id("measure-kind")}
              value={kind}
              checked={value.kind === kind}
              onChange={() => set({ kind })}
            />{" "}
            {m.kinds[kind]}
          </label>
        ))}
      </div>
      {value.kind === "money" ? (
        <div className="field-row">
          <InputField
            id={id("measure.amount")}
            label={m.amount}
            hint={m.amountHint}
            inputMode="decimal"
            autoComplete="off"
            value={value.amount}
            error={errorAt("measure.amount")}
            onChange={(event) => set({ amount: event.target.value })}
          />
          <InputField
            id={id("measure.currency")}
            className="input-short"
            label={m.currency}
            hint={m.currencyHint}
            maxLength={3}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={value.currency}
            error={errorAt("measure.currency")}
            onChange={(event) => set({ currency: event.target.value.toUpperCase() })}
          />
        </div>
      ) : (
        <div className="field-row">
          <InputField
            id={id("measure.count")}
            label={m.count}
            inputMode="decimal"
            autoComplete="off"
            value={value.count}
            error={errorAt("measure.count")}
            onChange={(event) => set({ count: event.target.value })}
          />
          <SelectField
            id={id("measure.unit")}
            label={m.unit}
            value={value.unit}
            error={errorAt("measure.unit")}
            onChange={(event) => set({ unit: event.target.value as QuantityUnit })}
          >
            {QuantityUnit.options.map((unit) => (
              <option key={unit} value={unit}>
                {label("quantityUnit", unit, lang)}
              </option>
            ))}
          </SelectField>
          <InputField
            id={id("measure.item")}
            label={m.item}
            hint={m.itemHint}
            maxLength={200}
            value={value.item}
            error={errorAt("measure.item")}
            onChange={(event) => set({ item: event.target.value })}
          />
        </div>
      )}
    </FieldGroup>
  );
}

/** A span of partial dates, both ends inclusive; optional: both empty means none. */
export function PeriodFields({
  form,
  legend,
  hint,
  value,
  onChange,
  errorAt,
}: {
  form: string;
  legend: string;
  hint: string;
  value: PeriodDraft;
  onChange: (next: PeriodDraft) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const t = useMessages(messages).fields;
  return (
    <FieldGroup id={fieldId(form, "period")} legend={legend} hint={hint} error={errorAt("period")}>
      <div className="field-row">
        <InputField
          id={fieldId(form, "period.start")}
          label={t.periodStart}
          hint={t.dateHint}
          autoComplete="off"
          value={value.start}
          error={errorAt("period.start")}
          onChange={(event) => onChange({ ...value, start: event.target.value })}
        />
        <InputField
          id={fieldId(form, "period.end")}
          label={t.periodEnd}
          hint={t.dateHint}
          autoComplete="off"
          value={value.end}
          error={errorAt("period.end")}
          onChange={(event) => onChange({ ...value, end: event.target.value })}
        />
      </div>
    </FieldGroup>
  );
}
