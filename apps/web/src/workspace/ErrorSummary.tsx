import type { MouseEvent, Ref } from "react";
import { fieldId } from "../forms/Field.tsx";
import { useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";
import type { FormErrors } from "./validation.ts";

/**
 * Every problem of the form at its top, each a link to its field: focus moves here after a refused save, so the
 * problems are announced at once, and each is one step from being corrected. The same messages stand at the fields.
 */
export function ErrorSummary({
  form,
  errors,
  labelOf,
  ref,
}: {
  form: string;
  errors: FormErrors;
  labelOf: (path: string) => string | undefined;
  ref: Ref<HTMLDivElement>;
}) {
  const t = useMessages(messages).form;
  const entries = Object.entries(errors.fields);
  if (entries.length === 0 && !errors.form) return null;
  // A link to the field, followed in place: a fragment in the URL would change the page's state (the URL is it).
  const focus = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    event.preventDefault();
    const field = document.getElementById(fieldId(form, path));
    field?.focus();
    field?.scrollIntoView({ block: "center" });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${form}-problems`}>
      <h3 id={`${form}-problems`}>
        {errors.form ? t.couldNotSave : t.problems(Math.max(entries.length, 1))}
      </h3>
      {errors.form ? <p>{errors.form}</p> : null}
      {entries.length > 0 ? (
        <ul>
          {entries.map(([path, message]) => (
            <li key={path}>
              <a href={`#${fieldId(form, path)}`} onClick={(event) => focus(event, path)}>
                {labelOf(path) ?? path}: {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
