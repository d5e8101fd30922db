import { SourceKind } from "@commitments/core";
import { FormField } from "../forms/Field.tsx";
import { useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";
import type { FieldErrors, SourceDraft } from "./remarkSchemas.ts";

/** The fields of one source of evidence: its title, its address and what kind of publication it is. */
export function SourceFields({
  index,
  source,
  errors,
  onChange,
  register,
}: {
  index: number;
  source: SourceDraft;
  errors: FieldErrors;
  onChange: (next: SourceDraft) => void;
  register: (field: string) => (element: HTMLElement | null) => void;
}) {
  const t = useMessages(messages);
  const at = (name: "title" | "url" | "kind") => `sources.${index}.${name}`;
  return (
    <>
      <FormField label={t.form.sourceTitle} error={errors[at("title")]}>
        {(control) => (
          <input
            {...control}
            ref={register(at("title"))}
            type="text"
            value={source.title}
            onChange={(event) => onChange({ ...source, title: event.target.value })}
          />
        )}
      </FormField>
      <FormField label={t.form.sourceUrl} hint={t.form.sourceUrlHint} error={errors[at("url")]}>
        {(control) => (
          <input
            {...control}
            ref={register(at("url"))}
            type="url"
            inputMode="url"
            autoComplete="url"
            value={source.url}
            onChange={(event) => onChange({ ...source, url: event.target.value })}
          />
        )}
      </FormField>
      <FormField label={t.form.sourceKind} error={errors[at("kind")]}>
        {(control) => (
          <select
            {...control}
            ref={register(at("kind"))}
            value={source.kind}
            onChange={(event) => onChange({ ...source, kind: event.target.value as SourceDraft["kind"] })}
          >
            {SourceKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {t.sourceKinds[kind]}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
