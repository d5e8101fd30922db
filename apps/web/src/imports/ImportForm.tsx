import { type FormatOption, formatList } from "@commitments/api/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { ApiProblem, refreshSessionOn401, type Session } from "../api.ts";
import { InputField } from "../forms/Field.tsx";
import { type Lang, locales, useLang, useMessages } from "../i18n/index.ts";
import { detailWords, sayRefusal } from "../problems.ts";
import { ImportReportView } from "./ImportReport.tsx";
import { messages } from "./messages.ts";
import { type ImportRun, importRunQuery, importsQuery, type Upload, upload } from "./upload.ts";

type Errors = Partial<Record<FormatOption | "file" | "form", string>>;

/** The options a format's importer takes, named as the API's query names them. */
const optionNames: readonly FormatOption[] = [
  "release",
  "releasePeriod",
  "releaseDate",
  "donor",
  "recipient",
];

export function fileSize(lang: Lang, bytes: number): string {
  const size = messages[lang].size;
  const oneDecimal = (n: number) =>
    new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return size.bytes(bytes);
  if (bytes < 1024 * 1024) return size.kb(oneDecimal(bytes / 1024));
  return size.mb(oneDecimal(bytes / 1024 / 1024));
}

/** The form: format, file and the format's options, then a dry run or the import itself. */
export function ImportForm({ session }: { session: Session }) {
  const all = useMessages(messages);
  const lang = useLang();
  const t = all.form;
  const optionFields = t.options;
  const queryClient = useQueryClient();
  const formatId = useId();
  const [format, setFormat] = useState<string>(formatList[0].id);
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Partial<Record<FormatOption, string>>>({});
  const [errors, setErrors] = useState<Errors>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const optionInputs = useRef<Partial<Record<FormatOption, HTMLInputElement | null>>>({});
  const chosen = formatList.find((f) => f.id === format) ?? formatList[0];

  const run = useMutation({
    mutationFn: (request: Upload) => upload(session, request),
    onSuccess: (report) => {
      void queryClient.invalidateQueries({ queryKey: importsQuery.queryKey });
      if (report.status === "imported")
        void queryClient.invalidateQueries({ queryKey: ["commitments"], refetchType: "none" });
    },
    onError: (error) => {
      refreshSessionOn401(queryClient, error);
      void queryClient.invalidateQueries({ queryKey: importsQuery.queryKey });
      // The API names the query option or header at fault; say it at its field, else above the form.
      const details = error instanceof ApiProblem ? error.details : [];
      const next: Errors = {};
      for (const d of details) {
        if (d.location === "query" && optionNames.includes(d.path as FormatOption))
          next[d.path as FormatOption] = detailWords(d, lang);
        if (d.location === "header" && d.path === "content-type") next.file = detailWords(d, lang);
      }
      setErrors(Object.keys(next).length > 0 ? next : { form: sayRefusal(error, lang) });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Enter in a field checks only: importing for real takes the Import button.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const next: Errors = {};
    if (!file) next.file = t.chooseFile;
    if (chosen.requiresOptions) {
      for (const option of chosen.options)
        if (!options[option]?.trim()) next[option] = t.give(optionFields[option].label);
    }
    setErrors(next);
    if (!file || Object.keys(next).length > 0) {
      if (next.file) fileInput.current?.focus();
      else optionInputs.current[chosen.options.find((o) => next[o]) as FormatOption]?.focus();
      return;
    }
    const picked = Object.fromEntries(chosen.options.map((o) => [o, options[o] ?? ""]));
    run.mutate({
      id: crypto.randomUUID(),
      file,
      format: chosen,
      dryRun: submitter?.value !== "import",
      options: picked,
    });
  }

  return (
    <>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="import-form-title">
        <h2 id="import-form-title">{t.title}</h2>
        {errors.form ? (
          <p role="alert" className="form-error">
            {t.failed(errors.form)}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={formatId}>{t.format}</label>
          <select
            id={formatId}
            value={format}
            onChange={(event) => {
              setFormat(event.target.value);
              setErrors({});
            }}
          >
            {formatList.map((f) => (
              <option key={f.id} value={f.id}>
                {all.formats[f.id]}
              </option>
            ))}
          </select>
        </div>
        <InputField
          ref={fileInput}
          label={t.file}
          hint={t.fileHint(chosen.extensions)}
          type="file"
          name="import-file"
          accept={[...chosen.extensions, ...chosen.mediaTypes].join(",")}
          error={errors.file}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setErrors((e) => ({ ...e, file: undefined }));
          }}
        />
        {chosen.options.map((option) => (
          <InputField
            key={`${chosen.id}-${option}`}
            ref={(input) => {
              optionInputs.current[option] = input;
            }}
            label={
              chosen.requiresOptions ? optionFields[option].label : t.optional(optionFields[option].label)
            }
            hint={optionFields[option].hint}
            name={option}
            required={chosen.requiresOptions}
            value={options[option] ?? ""}
            error={errors[option]}
            onChange={(event) => setOptions((o) => ({ ...o, [option]: event.target.value }))}
          />
        ))}
        <p className="button-row">
          <button type="submit" name="mode" value="check" className="button" disabled={run.isPending}>
            {t.check}
          </button>
          <button
            type="submit"
            name="mode"
            value="import"
            className="button button-secondary"
            disabled={run.isPending}
          >
            {t.import}
          </button>
        </p>
        <p className="field-hint">{t.hint}</p>
      </form>
      {run.isPending && run.variables ? <Progress request={run.variables} /> : null}
      {run.data && run.variables ? (
        <ImportReportView key={run.data.id} report={run.data} request={run.variables} session={session} />
      ) : null}
    </>
  );
}

/** Steps done, out of three: how far through the file reading is cannot be known, so it has no value. */
const phaseSteps: Record<ImportRun["phase"], number | undefined> = {
  reading: undefined,
  checking: 1,
  writing: 2,
  done: 3,
};

/** The import under way, as GET /v1/imports/{id} tells it, asked every 300 ms until the upload is answered. */
function Progress({ request }: { request: Upload }) {
  const t = useMessages(messages).progress;
  const lang = useLang();
  const progress = useQuery({ ...importRunQuery(request.id), refetchInterval: 300, retry: false });
  const run = progress.data;
  const text = !run
    ? t.sending(request.file.name, fileSize(lang, request.file.size))
    : t.text(t.phases[run.phase], run.rows, run.problems);
  return (
    <section className="import-progress" aria-labelledby="import-progress-title">
      <h2 id="import-progress-title">
        {request.dryRun ? t.checking(request.file.name) : t.importing(request.file.name)}
      </h2>
      <progress
        aria-label={t.label}
        max={3}
        value={run ? phaseSteps[run.phase] : undefined}
        aria-valuetext={text}
      />
      <p role="status" data-phase={run?.phase ?? "sending"}>
        {text}
      </p>
    </section>
  );
}
