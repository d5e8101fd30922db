import { authorise } from "@commitments/core/access";
import { type QueryKey, type UseQueryOptions, useQuery } from "@tanstack/react-query";
import { Fragment, type ReactNode, useEffect, useRef, useState } from "react";
import { actorOf, confirmingParty, importDecision } from "../account/access.ts";
import { partiesQuery, type Session, sessionQuery } from "../api.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { label as labelOf } from "../i18n/vocabulary.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { navigate, useSearchParam, viewHref } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { CommitmentForm } from "./CommitmentForm.tsx";
import { DraftsList } from "./DraftsList.tsx";
import { waitingProposalsQuery } from "./decisions.ts";
import { EventForm } from "./EventForm.tsx";
import { messages } from "./messages.ts";
import { ProposalsList } from "./ProposalsList.tsx";
import { PublishedList } from "./PublishedList.tsx";
import { promiseMessages } from "./promise-messages.ts";
import {
  commitmentToEditQuery,
  type DonorRecords,
  donorRecordsQuery,
  eventToEditQuery,
  type RecordKind,
  type Saved,
  trancheToEditQuery,
} from "./queries.ts";
import { reviewMessages } from "./review-messages.ts";
import { rowsOf } from "./rows.ts";
import { TrancheForm } from "./TrancheForm.tsx";
import { approves, useWaiting } from "./waiting.ts";
import "./workspace.css";

/**
 * The ministry workspace (?view=workspace): a partner ministry keeps its own country's records here. New
 * commitments, tranches and stage events start as its drafts; an editor submits them, an approver of the same
 * ministry publishes them (or returns them). `&form=commitment|tranche|event` opens a form, with `&id=` to
 * correct a record; `&changeSet=` lists the records one import wrote.
 */
export function WorkspacePage() {
  const t = useMessages(messages);
  const lang = useLang();
  const session = useQuery(sessionQuery);
  const heading = usePageHeading(t.title);
  const signedIn = session.data?.user ? session.data : null;
  const party = signedIn?.organisation.party ?? null;

  let content: React.ReactNode;
  if (session.error) content = <p role="alert">{t.sessionFailed(sayRefusal(session.error, lang))}</p>;
  else if (session.isPending) content = <p aria-busy="true">{t.loadingSession}</p>;
  else if (!signedIn)
    content = (
      <p className="empty-state">
        {t.notSignedIn} <ViewLink params={{ view: "sign-in" }}>{t.signIn}</ViewLink> {t.notSignedInTail}
      </p>
    );
  else if (!party) content = <p className="empty-state">{t.noCountry}</p>;
  else content = <Allowed session={signedIn} party={party} />;

  return (
    <article className="workspace-page" aria-labelledby="workspace-title">
      <h1 id="workspace-title" tabIndex={-1} ref={heading}>
        {t.title}
      </h1>
      {content}
    </article>
  );
}

/** The workspace for whoever core's rules let record or approve the country's records; the reason for anyone else. */
function Allowed({ session, party }: { session: Session; party: string }) {
  const t = useMessages(messages);
  const partyName = usePartyName();
  const actor = actorOf(session);
  const records = authorise(actor, "record.create", { donor: party });
  const approves = authorise(actor, "record.publish", {
    donor: party,
    organisation: session.organisation.id,
    status: "submitted",
  });
  if (!records.allowed && !approves.allowed) {
    // A recipient's verifier keeps no records but has work of its own: the deliveries waiting for its confirmation.
    if (confirmingParty(session))
      return (
        <p className="empty-state">
          {t.verifier(partyName(party))} <ViewLink params={{ view: "to-confirm" }}>{t.toConfirm}</ViewLink>.
        </p>
      );
    return <p className="empty-state">{t.notAllowed(t.reason(records.reason))}</p>;
  }
  return <Workspace session={session} party={party} mayRecord={records.allowed} />;
}

function Workspace({ session, party, mayRecord }: { session: Session; party: string; mayRecord: boolean }) {
  const t = useMessages(messages);
  const lang = useLang();
  const parties = useQuery(partiesQuery);
  const records = useQuery(donorRecordsQuery(party));
  const proposals = useQuery(waitingProposalsQuery);
  const waiting = useWaiting(session);
  const r = useMessages(reviewMessages);
  const [form] = useSearchParam("form");
  const [id] = useSearchParam("id");
  const [copy] = useSearchParam("copy");
  const [changeSetParam] = useSearchParam("changeSet");
  const changeSet = changeSetParam && /^\d+$/.test(changeSetParam) ? Number(changeSetParam) : null;
  const [notice, setNotice] = useState<Saved | null>(null);
  const country = parties.data?.find((p) => p.id === party);
  const countryName = (lang === "uk" ? country?.nameUk : undefined) ?? country?.name ?? party;

  // A saved record sends the person back to the list, told what was saved.
  const onSaved = (saved: Saved) => {
    setNotice(saved);
    navigate(new URL(viewHref({ view: "workspace" }), window.location.href));
  };
  const formKind =
    mayRecord && (form === "commitment" || form === "tranche" || form === "event") ? form : null;
  // Leaving a form without saving (Cancel, Back) lands on the page's heading rather than on nothing; an old notice
  // of a save goes once another form is opened.
  const hadForm = useRef(formKind !== null);
  useEffect(() => {
    if (formKind) setNotice(null);
    else if (hadForm.current && !document.querySelector(".saved-notice"))
      document.getElementById("workspace-title")?.focus();
    hadForm.current = formKind !== null;
  }, [formKind]);

  return (
    <>
      <p className="lede">{t.lede(session.organisation.name, countryName)}</p>
      {waiting && !formKind ? (
        <p
          className="workspace-waiting"
          data-submitted={waiting.submitted}
          data-proposals={waiting.proposals}
        >
          {r.waiting(waiting.submitted, waiting.proposals)}
        </p>
      ) : null}
      <nav aria-label={t.actionsNav} className="workspace-actions">
        <ul>
          {mayRecord ? (
            <>
              <li>
                <ViewLink params={{ view: "workspace", form: "commitment" }}>{t.newCommitment}</ViewLink>
              </li>
              <li>
                <ViewLink params={{ view: "workspace", form: "tranche" }}>{t.newTranche}</ViewLink>
              </li>
              <li>
                <ViewLink params={{ view: "workspace", form: "event" }}>{t.newEvent}</ViewLink>
              </li>
            </>
          ) : null}
          {importDecision(session).allowed ? (
            <li>
              <ViewLink params={{ view: "import" }}>{t.importFile}</ViewLink>
            </li>
          ) : null}
          {formKind ? (
            <li>
              <ViewLink params={{ view: "workspace" }}>{t.backToList}</ViewLink>
            </li>
          ) : null}
        </ul>
      </nav>
      {records.error ? (
        <p role="alert">{t.list.failed(sayRefusal(records.error, lang))}</p>
      ) : !records.data ? (
        <p aria-busy="true">{t.list.loading}</p>
      ) : formKind ? (
        <RecordForm
          kind={formKind}
          id={id}
          copy={copy}
          session={session}
          party={party}
          records={records.data}
          onSaved={onSaved}
        />
      ) : (
        <>
          {notice ? <SavedNotice saved={notice} records={records.data} /> : null}
          <DraftsList session={session} party={party} records={records.data} changeSet={changeSet} />
          {proposals.error ? <p role="alert">{t.list.failed(sayRefusal(proposals.error, lang))}</p> : null}
          {approves(session) && proposals.data ? (
            <ProposalsList session={session} records={records.data} proposals={proposals.data} />
          ) : null}
          <PublishedList
            session={session}
            party={party}
            records={records.data}
            proposals={proposals.data ?? []}
          />
        </>
      )}
    </>
  );
}

/** What was just saved, said where focus lands on returning to the list. */
function SavedNotice({ saved, records }: { saved: Saved; records: DonorRecords }) {
  const t = useMessages(messages);
  const lang = useLang();
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => notice.current?.focus(), []);
  const promise = useMessages(promiseMessages);
  const row = rowsOf(records, lang, t).find((r) => r.key === `${saved.kind}:${saved.id}`);
  const label = row?.label ?? records.commitments.find((c) => c.id === saved.id)?.title ?? saved.id;
  return (
    <p
      className="saved-notice"
      role="status"
      tabIndex={-1}
      ref={notice}
      data-record={`${saved.kind}:${saved.id}`}
    >
      {saved.proposal
        ? t.proposed(t.kinds[saved.kind], label)
        : t.saved(t.kinds[saved.kind], label, t.statuses[saved.status], saved.version)}
      {saved.parts
        ? ` ${promise.savedWith(
            saved.parts.stage && saved.parts.stage !== "none"
              ? labelOf("stage", saved.parts.stage, lang)
              : null,
            saved.parts.instalments,
          )}`
        : null}
    </p>
  );
}

/** A new record's form, or an existing one's once it is read (its version is what the correction is based on). */
function RecordForm({
  kind,
  id,
  copy,
  session,
  party,
  records,
  onSaved,
}: {
  kind: RecordKind;
  id: string | null;
  /** A record to start a new one from (Copy). */
  copy: string | null;
  session: Session;
  party: string;
  records: DonorRecords;
  onSaved: (saved: Saved) => void;
}) {
  if (id === null && copy !== null) {
    if (kind === "commitment")
      return (
        <Edit
          query={commitmentToEditQuery(copy)}
          form={(copyOf) => <CommitmentForm {...{ session, party, copyOf, onSaved }} />}
        />
      );
    if (kind === "tranche")
      return (
        <Edit
          query={trancheToEditQuery(copy)}
          form={(copyOf) => <TrancheForm {...{ session, records, copyOf, onSaved }} />}
        />
      );
    return (
      <Edit
        query={eventToEditQuery(copy)}
        form={(copyOf) => <EventForm {...{ session, records, copyOf, onSaved }} />}
      />
    );
  }
  if (id === null) {
    if (kind === "commitment") return <CommitmentForm session={session} party={party} onSaved={onSaved} />;
    if (kind === "tranche") return <TrancheForm session={session} records={records} onSaved={onSaved} />;
    return <EventForm session={session} records={records} onSaved={onSaved} />;
  }
  if (kind === "commitment")
    return (
      <Edit
        query={commitmentToEditQuery(id)}
        form={(existing, onReload) => <CommitmentForm {...{ session, party, existing, onSaved, onReload }} />}
      />
    );
  if (kind === "tranche")
    return (
      <Edit
        query={trancheToEditQuery(id)}
        form={(existing, onReload) => <TrancheForm {...{ session, records, existing, onSaved, onReload }} />}
      />
    );
  return (
    <Edit
      query={eventToEditQuery(id)}
      form={(existing, onReload) => <EventForm {...{ session, records, existing, onSaved, onReload }} />}
    />
  );
}

function Reading({ error }: { error: Error | null }) {
  const t = useMessages(messages);
  const lang = useLang();
  return error ? (
    <p role="alert">{t.form.readFailed(sayRefusal(error, lang))}</p>
  ) : (
    <p aria-busy="true">{t.form.reading}</p>
  );
}

/**
 * Reads a record to correct, then shows its form, keyed by the version it was filled from: reloading after a
 * conflict starts it afresh.
 */
function Edit<R extends { version: number }, Key extends QueryKey>({
  query,
  form,
}: {
  query: UseQueryOptions<R, Error, R, Key>;
  form: (existing: R, onReload: () => void) => ReactNode;
}) {
  const read = useQuery(query);
  if (!read.data) return <Reading error={read.error} />;
  return <Fragment key={read.data.version}>{form(read.data, () => void read.refetch())}</Fragment>;
}
