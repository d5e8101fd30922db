import type { SourceKind } from "@commitments/core";
import { useEffect, useRef, useState } from "react";
import { FieldGroup, fieldId, InputField, SelectField, TextAreaField } from "../forms/Field.tsx";
import { useMessages } from "../i18n/index.ts";
import { emptySource, type SourceDraft } from "./drafts.ts";
import { messages } from "./messages.ts";

/** The kinds a ministry cites; "synthetic" marks the tracker's own demo data, never a ministry's. */
const citableKinds: SourceKind[] = ["official", "dataset", "research", "media", "seed_document"];

/** Where the record's figures come from: at least one source, as many as the person adds. */
export function SourcesFields({
  form,
  value,
  onChange,
  errorAt,
}: {
  form: string;
  value: SourceDraft[];
  onChange: (next: SourceDraft[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const t = useMessages(messages).sources;
  // After adding or removing a source, focus goes where the person will work next, not back to the page's top.
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const add = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusAfter === null) return;
    if (focusAfter === "add") add.current?.focus();
    else document.getElementById(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const update = (index: number, change: Partial<SourceDraft>) =>
    onChange(value.map((source, i) => (i === index ? { ...source, ...change } : source)));

  return (
    <FieldGroup id={fieldId(form, "sources")} legend={t.legend} hint={t.hint} error={errorAt("sources")}>
      {value.map((source, index) => {
        const path = (field: string) => `sources.${index}.${field}`;
        const id = (field: string) => fieldId(form, path(field));
        // A source read with another kind keeps it on offer, so a correction does not change it unasked.
        const kinds =
          source.kind === "" || citableKinds.includes(source.kind)
            ? citableKinds
            : [...citableKinds, source.kind];
        return (
          // Sources have no identity of their own: their place in the list is what the API's messages name, and the
          // fields are controlled, so keying by place loses nothing when one is removed.
          <fieldset key={index} className="field-group source">
            <legend>{t.source(index + 1)}</legend>
            <InputField
              id={id("title")}
              label={t.title}
              maxLength={500}
              value={source.title}
              error={errorAt(path("title"))}
              onChange={(event) => update(index, { title: event.target.value })}
            />
            <SelectField
              id={id("kind")}
              label={t.kind}
              value={source.kind}
              error={errorAt(path("kind"))}
              onChange={(event) => update(index, { kind: event.target.value as SourceKind | "" })}
            >
              <option value="">{t.chooseKind}</option>
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t.kinds[kind]}
                </option>
              ))}
            </SelectField>
            <InputField
              id={id("url")}
              label={t.url}
              hint={t.urlHint}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={source.url}
              error={errorAt(path("url"))}
              onChange={(event) => update(index, { url: event.target.value })}
            />
            <div className="field-row">
              <InputField
                id={id("publisher")}
                label={t.publisher}
                maxLength={200}
                value={source.publisher}
                error={errorAt(path("publisher"))}
                onChange={(event) => update(index, { publisher: event.target.value })}
              />
              <InputField
                id={id("published")}
                label={t.published}
                hint={t.publishedHint}
                autoComplete="off"
                value={source.published}
                error={errorAt(path("published"))}
                onChange={(event) => update(index, { published: event.target.value })}
              />
            </div>
            <InputField
              id={id("locator")}
              label={t.locator}
              hint={t.locatorHint}
              maxLength={300}
              value={source.locator}
              error={errorAt(path("locator"))}
              onChange={(event) => update(index, { locator: event.target.value })}
            />
            <TextAreaField
              id={id("quote")}
              label={t.quote}
              maxLength={2000}
              value={source.quote}
              error={errorAt(path("quote"))}
              onChange={(event) => update(index, { quote: event.target.value })}
            />
            {value.length > 1 ? (
              <p>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    onChange(value.filter((_, i) => i !== index));
                    setFocusAfter("add");
                  }}
                >
                  {t.remove(index + 1)}
                </button>
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <p>
        <button
          ref={add}
          type="button"
          className="button button-secondary"
          disabled={value.length >= 50}
          onClick={() => {
            onChange([...value, emptySource()]);
            setFocusAfter(fieldId(form, `sources.${value.length}.title`));
          }}
        >
          {t.add}
        </button>
      </p>
    </FieldGroup>
  );
}
