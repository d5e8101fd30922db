import type { WorkflowStatus } from "@commitments/core/access";
import { authorise } from "@commitments/core/access";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { actorOf } from "../account/access.ts";
import { refreshSessionOn401, type Session } from "../api.ts";
import { formatInteger } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import { ViewLink } from "../ViewLink.tsx";
import { retractRecord } from "./decisions.ts";
import { messages } from "./messages.ts";
import { type DonorRecords, historyQuery, moveRecord, type VersionEntry, workspaceKey } from "./queries.ts";
import { inPublishingOrder, type Row, rowsOf } from "./rows.ts";
import { pageSize, type Section, StatusSection, type Step } from "./StatusSection.tsx";

const stepTo: Record<Exclude<Step, "delete">, WorkflowStatus> = {
  submit: "submitted",
  publish: "published",
  return: "draft",
};
const stepAction = {
  submit: "record.submit",
  publish: "record.publish",
  return: "record.return",
  delete: "record.retract",
} as const;

interface Outcome {
  step: Step;
  done: Row[];
  /** Each refusal as the API gave it: said in the page's words, in the language on screen. */
  failed: { row: Row; error: unknown }[];
}

/**
 * The ministry's records not yet published: its drafts, and what waits for approval. Each may be acted on in bulk,
 * by the steps `authorise` allows this person (an editor submits, an approver publishes or returns); the outcome
 * says how many were done and, for each one refused, the API's reason in the page's words.
 */
export function DraftsList({
  session,
  party,
  records,
  changeSet,
}: {
  session: Session;
  party: string;
  records: DonorRecords;
  changeSet: number | null;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<{ step: Step; done: number; of: number } | null>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (outcome) outcomeHeading.current?.focus();
  }, [outcome]);

  const [limits, setLimits] = useState<Record<Section, number>>({ draft: pageSize, submitted: pageSize });
  const all = rowsOf(records, lang, t);
  /** The title of a tranche's or event's commitment, for a refusal that names it. */
  const titles = new Map(records.commitments.map((c) => [c.id, c.title]));
  const commitmentOf = (row: Row) => {
    const parts: readonly { id: string; commitment: string }[] =
      row.kind === "tranche" ? records.tranches : row.kind === "event" ? records.events : [];
    const part = parts.find((p) => p.id === row.id);
    return part ? titles.get(part.commitment) : undefined;
  };
  const bySection = (rows: Row[]): Record<Section, Row[]> => ({
    draft: rows.filter((row) => row.status === "draft"),
    submitted: rows.filter((row) => row.status === "submitted"),
  });
  // Who made each record's last change is in its history: read for the rows on screen. Which import wrote a
  // record is there too, so listing one import's records reads every history.
  const unfiltered = bySection(all);
  const wanted =
    changeSet === null
      ? [...unfiltered.draft.slice(0, limits.draft), ...unfiltered.submitted.slice(0, limits.submitted)]
      : all;
  const histories = useQueries({ queries: wanted.map((row) => historyQuery(row.kind, row.id)) });
  const historyOf = new Map<string, VersionEntry[] | undefined>(
    wanted.map((row, i) => [row.key, histories[i]?.data]),
  );
  const read = histories.filter((h) => !h.isPending).length;
  const finding = changeSet !== null && read < wanted.length;
  const rows =
    changeSet === null
      ? all
      : all.filter((row) => historyOf.get(row.key)?.some((v) => v.changeSet === changeSet));
  const sections = bySection(rows);
  const showMore = (section: Section) => setLimits((l) => ({ ...l, [section]: l[section] + pageSize }));

  /** Whether core's rules let this person take a step on the ministry's records in a status. */
  const actor = actorOf(session);
  const may = (step: Step, status: WorkflowStatus) =>
    authorise(actor, stepAction[step], { donor: party, organisation: session.organisation.id, status })
      .allowed;

  async function run(step: Step, selected: Row[], reason?: string) {
    // Deleting goes the other way round: a commitment's parts before it (the API refuses it while they are live).
    const ordered = step === "delete" ? inPublishingOrder(selected).reverse() : inPublishingOrder(selected);
    const result: Outcome = { step, done: [], failed: [] };
    setOutcome(null);
    // One at a time, commitments first: a tranche or event is published only once its commitment is.
    for (const [i, row] of ordered.entries()) {
      setProgress({ step, done: i, of: ordered.length });
      try {
        if (step === "delete")
          await retractRecord(session, row.kind, row.id, row.version, t.list.deleteReason);
        else await moveRecord(session, row.kind, row.id, row.version, stepTo[step], reason);
        result.done.push(row);
      } catch (error) {
        // The API's refusal says why this one was refused (a stale version, a commitment not yet published).
        if (error instanceof Error) refreshSessionOn401(queryClient, error);
        result.failed.push({ row, error });
      }
    }
    await queryClient.invalidateQueries({ queryKey: workspaceKey });
    setProgress(null);
    setOutcome(result);
  }

  const busy = progress !== null;
  /** Whether the person may correct the ministry's records in a status (an editor may; an approver only decides). */
  const mayEdit = (status: WorkflowStatus) =>
    authorise(actor, "record.update", { donor: party, organisation: session.organisation.id, status })
      .allowed;

  return (
    <>
      {changeSet !== null ? (
        <p className="workspace-filter" data-change-set={changeSet}>
          {t.list.importFilter(changeSet, rows.length)}{" "}
          <ViewLink params={{ view: "workspace" }}>{t.list.showAll}</ViewLink>
        </p>
      ) : null}
      <p role="status" className="bulk-progress">
        {progress ? t.list.progress[progress.step](progress.done, progress.of) : ""}
      </p>
      {outcome ? (
        <section className="bulk-outcome" aria-labelledby="bulk-outcome-title" data-step={outcome.step}>
          <h2 id="bulk-outcome-title" tabIndex={-1} ref={outcomeHeading}>
            {t.list.outcome[outcome.step](outcome.done.length, outcome.done.length + outcome.failed.length)}
          </h2>
          {outcome.failed.length > 0 ? (
            <>
              <p>{t.list.failuresLead}</p>
              <ul className="bulk-failures">
                {outcome.failed.map(({ row, error }) => (
                  <li key={row.key} data-record={row.key}>
                    {t.list.failure(
                      t.kinds[row.kind],
                      row.label,
                      sayRefusal(error, lang, { commitment: commitmentOf(row) }),
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {finding ? (
        <p aria-busy="true">{t.list.finding(read, wanted.length)}</p>
      ) : (
        <>
          <StatusSection
            status="draft"
            title={t.list.draftsTitle}
            lede={t.list.draftsLede}
            empty={t.list.noDrafts}
            rows={sections.draft.slice(0, limits.draft)}
            total={sections.draft.length}
            onShowMore={() => showMore("draft")}
            steps={(["submit", "delete"] as const).filter((step) => may(step, "draft"))}
            mayEdit={mayEdit("draft")}
            historyOf={historyOf}
            records={records}
            busy={busy}
            onStep={run}
          />
          <StatusSection
            status="submitted"
            title={t.list.submittedTitle}
            lede={t.list.submittedLede}
            empty={t.list.noSubmitted}
            rows={sections.submitted.slice(0, limits.submitted)}
            total={sections.submitted.length}
            onShowMore={() => showMore("submitted")}
            steps={(["publish", "return"] as const).filter((step) => may(step, "submitted"))}
            mayEdit={mayEdit("submitted")}
            historyOf={historyOf}
            records={records}
            busy={busy}
            onStep={run}
          />
        </>
      )}
      <p className="field-hint">{t.list.rulesNote}</p>
      {rows.length > 0 ? (
        <p className="field-hint">{t.list.count(formatInteger(rows.length, lang), rows.length)}</p>
      ) : null}
    </>
  );
}
