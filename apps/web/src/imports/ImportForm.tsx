import { type FormatOption, formatList } from "@commitments/api/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { Field } from "../account/Field.tsx";
import { ApiProblem, refreshSessionOn401, type Session } from "../api.ts";
import { ImportReportView } from "./ImportReport.tsx";
import { type ImportRun, importRunQuery, importsQuery, type Upload, upload } from "./upload.ts";

const optionFields: Record<FormatOption, { label: string; hint: string }> = {
  release: {
    label: "Release",
    hint: "As the release's release_info.csv names it, e.g. “Ukraine Support Tracker, Release 29 (04/2026)”.",
  },
  releasePeriod: { label: "Data up to (YYYY-MM)", hint: "The month the release's data run to." },
  releaseDate: { label: "Release date (YYYY-MM-DD)", hint: "The day the release was published." },
  donor: { label: "Donor", hint: "A party id such as DK, where the file names no government." },
  recipient: { label: "Recipient", hint: "Whose receipts to import, as a party id. Empty means UA." },
};

type Errors = Partial<Record<FormatOption | "file" | "form", string>>;

const count = (n: number) => new Intl.NumberFormat("en-GB").format(n);

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The form: format, file and the format's options, then a dry run or the import itself. */
export function ImportForm({ session }: { session: Session }) {
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
        if (d.location === "query" && d.path in optionFields) next[d.path as FormatOption] = d.message;
        if (d.location === "header" && d.path === "content-type") next.file = d.message;
      }
      setErrors(Object.keys(next).length > 0 ? next : { form: error.message });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Enter in a field checks only: importing for real takes the Import button.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const next: Errors = {};
    if (!file) next.file = "Choose the file to import";
    if (chosen.requiresOptions) {
      for (const option of chosen.options)
        if (!options[option]?.trim()) next[option] = `Give the ${optionFields[option].label.toLowerCase()}`;
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
        <h2 id="import-form-title">Your file</h2>
        {errors.form ? (
          <p role="alert" className="form-error">{`Could not import it: ${errors.form}`}</p>
        ) : null}
        <div className="field">
          <label htmlFor={formatId}>Format</label>
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
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          ref={fileInput}
          label="File"
          hint={`A ${chosen.extensions.join(" or ")} file, up to 512 MB.`}
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
          <Field
            key={`${chosen.id}-${option}`}
            ref={(input) => {
              optionInputs.current[option] = input;
            }}
            label={
              chosen.requiresOptions ? optionFields[option].label : `${optionFields[option].label} (optional)`
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
            Check (dry run)
          </button>
          <button
            type="submit"
            name="mode"
            value="import"
            className="button button-secondary"
            disabled={run.isPending}
          >
            Import
          </button>
        </p>
        <p className="field-hint">
          A dry run checks every row and writes nothing. Importing writes only if no row has a problem.
        </p>
      </form>
      {run.isPending && run.variables ? <Progress request={run.variables} /> : null}
      {run.data && run.variables ? (
        <ImportReportView key={run.data.id} report={run.data} request={run.variables} session={session} />
      ) : null}
    </>
  );
}

const phaseWords: Record<ImportRun["phase"], string> = {
  reading: "Reading the file",
  checking: "Checking every row",
  writing: "Writing to the ledger",
  done: "Finishing",
};
/** Steps done, out of three: how far through the file reading is cannot be known, so it has no value. */
const phaseSteps: Record<ImportRun["phase"], number | undefined> = {
  reading: undefined,
  checking: 1,
  writing: 2,
  done: 3,
};

/** The import under way, as GET /v1/imports/{id} tells it, asked every 300 ms until the upload is answered. */
function Progress({ request }: { request: Upload }) {
  const progress = useQuery({ ...importRunQuery(request.id), refetchInterval: 300, retry: false });
  const run = progress.data;
  const what = request.dryRun ? "Checking" : "Importing";
  const text = !run
    ? `Sending ${request.file.name} (${fileSize(request.file.size)})…`
    : `${phaseWords[run.phase]}: ${count(run.rows)} ${run.rows === 1 ? "row" : "rows"} read, ${
        run.problems === 0
          ? "no problems"
          : `${count(run.problems)} ${run.problems === 1 ? "problem" : "problems"}`
      } so far.`;
  return (
    <section className="import-progress" aria-labelledby="import-progress-title">
      <h2 id="import-progress-title">
        {what} {request.file.name}
      </h2>
      <progress
        aria-label="Import progress"
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
