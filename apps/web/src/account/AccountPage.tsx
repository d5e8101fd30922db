import { roleLabels } from "@commitments/core/access";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  apiError,
  client,
  csrfHeaders,
  partiesQuery,
  refreshSessionOn401,
  type Session,
  sessionQuery,
} from "../api.ts";
import { formatTimestamp } from "../format.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";
import { abilitiesOf, importDecision, mayManageTokens, organisationKindLabels } from "./access.ts";
import { TokensSection } from "./TokensSection.tsx";

/** The signed-in person's account: who they are, for whom, what they may do, their API tokens, and signing out. */
export function AccountPage() {
  const session = useQuery(sessionQuery);
  const [signedOut, setSignedOut] = useState<string | null>(null);
  const heading = usePageHeading("Your account");

  const title = (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ViewLink params={{}}>← The ladder and all commitments</ViewLink>
      </nav>
      <h1 id="account-title" tabIndex={-1} ref={heading}>
        Your account
      </h1>
    </>
  );
  if (session.error)
    return (
      <article className="account-page" aria-labelledby="account-title">
        {title}
        <p role="alert">Could not load your session: {session.error.message}</p>
      </article>
    );
  if (session.data === undefined) return <p aria-busy="true">Loading your account…</p>;
  if (session.data === null || !session.data.user)
    return (
      <article className="account-page" aria-labelledby="account-title">
        {title}
        {signedOut ? <p role="status">{signedOut}</p> : null}
        <p className="empty-state">
          You are not signed in. <ViewLink params={{ view: "sign-in" }}>Sign in</ViewLink> to record or check
          commitments; reading needs no account.
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
  const parties = useQuery(partiesQuery);
  const countryName = (id: string) => parties.data?.find((p) => p.id === id)?.name ?? id;
  const { user, organisation, roles } = session;
  const abilities = abilitiesOf(session, countryName);
  const can = abilities.filter((a) => a.allowed);
  const cannot = abilities.filter((a) => !a.allowed);

  return (
    <>
      <section aria-labelledby="who-title" className="account-who">
        <h2 id="who-title">You</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd data-field="name">{user?.name}</dd>
          <dt>E-mail</dt>
          <dd data-field="email">{user?.email}</dd>
          <dt>Organisation</dt>
          <dd data-field="organisation">
            {organisation.name}
            {organisation.demo ? <span className="badge badge-demo">Demo</span> : null}
          </dd>
          <dt>Kind</dt>
          <dd>{organisationKindLabels[organisation.kind]}</dd>
          {organisation.party ? (
            <>
              <dt>Country</dt>
              <dd>{countryName(organisation.party)}</dd>
            </>
          ) : null}
          {session.expiresAt ? (
            <>
              <dt>Session ends</dt>
              <dd>
                <time dateTime={session.expiresAt}>{formatTimestamp(session.expiresAt)}</time>
              </dd>
            </>
          ) : null}
        </dl>
        {organisation.demo ? (
          <p className="demo-notice" data-demo>
            <strong>DEMO organisation.</strong> This account is for trying the tracker out: it speaks for no
            real ministry or NGO.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="roles-title" className="account-roles">
        <h2 id="roles-title">Your roles</h2>
        {roles.length === 0 ? (
          <p>No roles: you read published data, as everyone can.</p>
        ) : (
          <dl className="roles">
            {roles.map((role) => (
              <div key={role} data-role={role}>
                <dt>{roleLabels[role].label}</dt>
                <dd>{roleLabels[role].description}</dd>
              </div>
            ))}
          </dl>
        )}
        <h3 id="abilities-title">What you can do</h3>
        {can.length === 0 ? (
          <p>Nothing beyond reading published data, as everyone can.</p>
        ) : (
          <>
            <p>You can:</p>
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
            <summary>What you cannot do, and why</summary>
            <ul>
              {cannot.map((a) => (
                <li key={a.action} data-action={a.action}>
                  You cannot {a.label}: {a.reason}.
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <p className="field-hint">
          Worked out by the same rules the API applies; the API still checks each record you act on (a
          published record, for one, is corrected with a reason rather than edited).
        </p>
      </section>

      {importDecision(session).allowed ? (
        <section aria-labelledby="account-import-title" className="account-import">
          <h2 id="account-import-title">Importing</h2>
          <p>
            Many records at once, from the tracker's template or from SIPRI, Kiel or IATI files:{" "}
            <ViewLink params={{ view: "import" }}>Import a file</ViewLink>.
          </p>
        </section>
      ) : null}

      {mayManageTokens(session) ? <TokensSection session={session} /> : null}

      <SignOut session={session} onSignedOut={onSignedOut} />
    </>
  );
}

function SignOut({ session, onSignedOut }: { session: Session; onSignedOut: (message: string) => void }) {
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
      if (!response.ok) throw await apiError(response);
    },
    onSuccess: () => afterSignOut("You have signed out."),
    onError: (error) => refreshSessionOn401(queryClient, error),
  });
  const everywhere = useMutation({
    mutationFn: async () => {
      const response = await client.v1.session["sign-out-everywhere"].$post(undefined, csrfHeaders(session));
      if (!response.ok) throw await apiError(response);
      return (await response.json()).data.revoked;
    },
    onSuccess: (revoked) =>
      afterSignOut(
        `You have signed out everywhere: ${revoked} ${revoked === 1 ? "session" : "sessions"} ended.`,
      ),
    onError: (error) => refreshSessionOn401(queryClient, error),
  });
  const error = signOut.error ?? everywhere.error;
  const busy = signOut.isPending || everywhere.isPending;
  return (
    <section aria-labelledby="sign-out-title" className="account-sign-out">
      <h2 id="sign-out-title">Signing out</h2>
      {error ? <p role="alert">Could not sign out: {error.message}</p> : null}
      <p className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => signOut.mutate()}>
          Sign out
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => everywhere.mutate()}
        >
          Sign out everywhere
        </button>
      </p>
      <p className="field-hint">
        “Sign out everywhere” ends every session of yours, on every browser. API tokens keep working until
        they are revoked or expire.
      </p>
    </section>
  );
}
