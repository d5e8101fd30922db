import { authorise } from "@commitments/core/access";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  accepted,
  client,
  csrfHeaders,
  partiesQuery,
  refreshSessionOn401,
  type Session,
  sessionQuery,
  unwrap,
} from "../api.ts";
import { formatMoment } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";
import { abilitiesOf, actorOf, importDecision, mayManageTokens } from "./access.ts";
import { messages } from "./messages.ts";
import { TokensSection } from "./TokensSection.tsx";
import "./account.css";

/** The signed-in person's account: who they are, for whom, what they may do, their API tokens, and signing out. */
export function AccountPage() {
  const all = useMessages(messages);
  const lang = useLang();
  const t = all.account;
  const session = useQuery(sessionQuery);
  const [signedOut, setSignedOut] = useState<string | null>(null);
  const heading = usePageHeading(t.title);

  const title = (
    <>
      <nav aria-label={all.breadcrumb} className="breadcrumb">
        <ViewLink params={{}}>{all.back}</ViewLink>
      </nav>
      <h1 id="account-title" tabIndex={-1} ref={heading}>
        {t.title}
      </h1>
    </>
  );
  if (session.error)
    return (
      <article className="account-page" aria-labelledby="account-title">
        {title}
        <p role="alert">{t.sessionFailed(sayRefusal(session.error, lang))}</p>
      </article>
    );
  if (session.data === undefined) return <p aria-busy="true">{t.loading}</p>;
  if (session.data === null || !session.data.user)
    return (
      <article className="account-page" aria-labelledby="account-title">
        {title}
        {signedOut ? <p role="status">{signedOut}</p> : null}
        <p className="empty-state">
          {t.notSignedIn} <ViewLink params={{ view: "sign-in" }}>{t.signIn}</ViewLink> {t.notSignedInTail}
        </p>
      </article>
    );
  return (
    <article className="account-page" aria-labelledby="account-title">
      {title}
      <Signed session={session.data} onSignedOut={setSignedOut} />
    </article>
  );
}

function Signed({ session, onSignedOut }: { session: Session; onSignedOut: (message: string) => void }) {
  const all = useMessages(messages);
  const t = all.account;
  const lang = useLang();
  const parties = useQuery(partiesQuery);
  const countryName = (id: string) => {
    const party = parties.data?.find((p) => p.id === id);
    return (lang === "uk" ? party?.nameUk : undefined) ?? party?.name ?? id;
  };
  const { user, organisation, roles } = session;
  const abilities = abilitiesOf(session, countryName, all);
  // A ministry that records or approves its country's records does so in the workspace.
  const party = organisation.party ?? undefined;
  const actor = actorOf(session);
  const keepsRecords =
    party !== undefined &&
    (authorise(actor, "record.create", { donor: party }).allowed ||
      authorise(actor, "record.publish", { donor: party, organisation: organisation.id, status: "submitted" })
        .allowed);
  const can = abilities.filter((a) => a.allowed);
  const cannot = abilities.filter((a) => !a.allowed);

  return (
    <>
      <section aria-labelledby="who-title" className="account-who">
        <h2 id="who-title">{t.you}</h2>
        <dl className="facts">
          <dt>{t.name}</dt>
          <dd data-field="name">{user?.name}</dd>
          <dt>{t.email}</dt>
          <dd data-field="email">{user?.email}</dd>
          <dt>{t.organisation}</dt>
          <dd data-field="organisation">
            {organisation.name}
            {organisation.demo ? <span className="badge badge-demo">{all.nav.demo}</span> : null}
          </dd>
          <dt>{t.kind}</dt>
          <dd>{all.organisationKinds[organisation.kind]}</dd>
          {organisation.party ? (
            <>
              <dt>{t.country}</dt>
              <dd>{countryName(organisation.party)}</dd>
            </>
          ) : null}
          {session.expiresAt ? (
            <>
              <dt>{t.sessionEnds}</dt>
              <dd>
                <time dateTime={session.expiresAt}>{formatMoment(lang, session.expiresAt)}</time>
              </dd>
            </>
          ) : null}
        </dl>
        {organisation.demo ? (
          <p className="demo-notice" data-demo>
            <strong>{t.demoTitle}</strong> {t.demoText}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="roles-title" className="account-roles">
        <h2 id="roles-title">{t.rolesTitle}</h2>
        {roles.length === 0 ? (
          <p>{t.noRoles}</p>
        ) : (
          <dl className="roles">
            {roles.map((role) => (
              <div key={role} data-role={role}>
                <dt>{all.roles[role].label}</dt>
                <dd>{all.roles[role].description}</dd>
              </div>
            ))}
          </dl>
        )}
        <h3 id="abilities-title">{t.canTitle}</h3>
        {can.length === 0 ? (
          <p>{t.nothing}</p>
        ) : (
          <>
            <p>{t.canLead}</p>
            <ul className="abilities" aria-labelledby="abilities-title">
              {can.map((a) => (
                <li key={a.action} data-action={a.action}>
                  {a.label}
                </li>
              ))}
            </ul>
          </>
        )}
        {cannot.length > 0 ? (
          <details className="cannot">
            <summary>{t.cannotTitle}</summary>
            <ul>
              {cannot.map((a) => (
                <li key={a.action} data-action={a.action}>
                  {t.cannot(a.label, a.reason ?? "")}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <p className="field-hint">{t.rulesHint}</p>
      </section>

      {keepsRecords ? (
        <section aria-labelledby="account-workspace-title" className="account-workspace">
          <h2 id="account-workspace-title">{t.workspaceTitle}</h2>
          <p>
            {t.workspaceLead} <ViewLink params={{ view: "workspace" }}>{t.workspaceLink}</ViewLink>.
          </p>
        </section>
      ) : null}

      {importDecision(session).allowed ? (
        <section aria-labelledby="account-import-title" className="account-import">
          <h2 id="account-import-title">{t.importTitle}</h2>
          <p>
            {t.importLead} <ViewLink params={{ view: "import" }}>{t.importLink}</ViewLink>.
          </p>
        </section>
      ) : null}

      {mayManageTokens(session) ? <TokensSection session={session} /> : null}

      <SignOut session={session} onSignedOut={onSignedOut} />
    </>
  );
}

function SignOut({ session, onSignedOut }: { session: Session; onSignedOut: (message: string) => void }) {
  const t = useMessages(messages).signOut;
  const lang = useLang();
  const queryClient = useQueryClient();
  const afterSignOut = async (message: string) => {
    onSignedOut(message);
    queryClient.setQueryData(sessionQuery.queryKey, null);
    queryClient.removeQueries({ queryKey: ["tokens"] });
    await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
  };
  const signOut = useMutation({
    mutationFn: async () => {
      const response = await client.v1.session.$delete(undefined, csrfHeaders(session));
      await accepted(response);
    },
    onSuccess: () => afterSignOut(t.done),
    onError: (error) => refreshSessionOn401(queryClient, error),
  });
  const everywhere = useMutation({
    mutationFn: async () => {
      const response = await client.v1.session["sign-out-everywhere"].$post(undefined, csrfHeaders(session));
      return (await unwrap(response)).data.revoked;
    },
    onSuccess: (revoked) => afterSignOut(t.everywhereDone(revoked)),
    onError: (error) => refreshSessionOn401(queryClient, error),
  });
  const error = signOut.error ?? everywhere.error;
  const busy = signOut.isPending || everywhere.isPending;
  return (
    <section aria-labelledby="sign-out-title" className="account-sign-out">
      <h2 id="sign-out-title">{t.title}</h2>
      {error ? <p role="alert">{t.failed(sayRefusal(error, lang))}</p> : null}
      <p className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => signOut.mutate()}>
          {t.signOut}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => everywhere.mutate()}
        >
          {t.everywhere}
        </button>
      </p>
      <p className="field-hint">{t.hint}</p>
    </section>
  );
}
