import { useEffect, useRef, useState } from "react";
import { FieldGroup, fieldId, InputField } from "../forms/Field.tsx";
import { useMessages } from "../i18n/index.ts";
import { emptyInstalment, type InstalmentDraft, type PromiseDraft, promiseStages } from "./promise.ts";
import { promiseMessages } from "./promise-messages.ts";

/**
 * A new commitment's promise: the stage its amount has reached, and when (the public totals count a promise from
 * its committed stage), and its schedule of instalments, numbered from 1. The instalments take the commitment's
 * currency, or its unit and item.
 */
export function PromiseFields({
  form,
  value,
  onChange,
  unitWord,
  errorAt,
}: {
  form: string;
  value: PromiseDraft;
  onChange: (value: PromiseDraft) => void;
  /** What an instalment's figure is in: the commitment's currency, or its unit. */
  unitWord: string;
  errorAt: (path: string) => string | undefined;
}) {
  const t = useMessages(promiseMessages);
  const id = (path: string) => fieldId(form, path);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const add = useRef<HTMLButtonElement>(null);
  // After adding an instalment its first field takes focus; after removing one, the add button does.
  useEffect(() => {
    if (focusAfter === "add") add.current?.focus();
    else if (focusAfter) document.getElementById(focusAfter)?.focus();
  }, [focusAfter]);
  const setRow = (index: number, change: Partial<InstalmentDraft>) =>
    onChange({
      ...value,
      schedule: value.schedule.map((row, i) => (i === index ? { ...row, ...change } : row)),
    });

  return (
    <>
      <FieldGroup id={id("promise")} legend={t.stageLegend} hint={t.stageHint}>
        {promiseStages.map((stage) => (
          <label key={stage} className="choice">
            <input
              type="radio"
              name={id("promise-stage")}
              value={stage}
              checked={value.stage === stage}
              onChange={() => onChange({ ...value, stage })}
            />{" "}
            {t.stages[stage]}
          </label>
        ))}
        {value.stage === "none" ? null : (
          <InputField
            id={id("promise.date")}
            className="input-short"
            label={t.stageDate(value.stage)}
            hint={t.dateHint}
            autoComplete="off"
            value={value.date}
            error={errorAt("promise.date")}
            onChange={(event) => onChange({ ...value, date: event.target.value })}
          />
        )}
      </FieldGroup>
      <FieldGroup id={id("schedule")} legend={t.scheduleLegend} hint={t.scheduleHint}>
        {value.schedule.length === 0 ? <p className="field-hint">{t.noSchedule}</p> : null}
        {value.schedule.map((row, index) => (
          // Instalments have no identity but their place (the schedule is its order); the fields are controlled.
          <fieldset key={index} className="instalment">
            <legend>{t.instalment(index + 1)}</legend>
            <div className="field-row">
              <InputField
                id={id(`schedule.${index}.due`)}
                label={t.due}
                hint={t.dateHint}
                autoComplete="off"
                value={row.due}
                error={errorAt(`schedule.${index}.due`)}
                onChange={(event) => setRow(index, { due: event.target.value })}
              />
              <InputField
                id={id(`schedule.${index}.amount`)}
                label={t.amount(unitWord)}
                inputMode="decimal"
                autoComplete="off"
                value={row.amount}
                error={errorAt(`schedule.${index}.amount`)}
                onChange={(event) => setRow(index, { amount: event.target.value })}
              />
            </div>
            <p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  onChange({ ...value, schedule: value.schedule.filter((_, i) => i !== index) });
                  setFocusAfter("add");
                }}
              >
                {t.remove(index + 1)}
              </button>
            </p>
          </fieldset>
        ))}
        <p>
          <button
            ref={add}
            type="button"
            className="button button-secondary"
            disabled={value.schedule.length >= 1000}
            onClick={() => {
              onChange({ ...value, schedule: [...value.schedule, emptyInstalment()] });
              setFocusAfter(id(`schedule.${value.schedule.length}.due`));
            }}
          >
            {t.add}
          </button>
        </p>
      </FieldGroup>
    </>
  );
}
