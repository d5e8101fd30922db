import { useQuery } from "@tanstack/react-query";
import { sessionQuery } from "../api.ts";
import { messages as confirmMessages } from "../confirm/messages.ts";
import { useMessages } from "../i18n/index.ts";
import { NoticesLink } from "../notices/NoticesLink.tsx";
import { ViewLink } from "../ViewLink.tsx";
import { reviewMessages } from "../workspace/review-messages.ts";
import { useWaiting, waitingQuery } from "../workspace/waiting.ts";
import { confirmingParty, importDecision } from "./access.ts";
import { messages } from "./messages.ts";

/** The header's way in: "Sign in" for the public, the account for whoever is signed in. */
export function AccountNav() {
  const t = useMessages(messages).nav;
  const session = useQuery(sessionQuery);
  const signedIn = session.data?.user ? session.data : null;
  const r = useMessages(reviewMessages);
  // An approver sees at once how much waits for them, whichever page they are on.
  const waiting = useWaiting(signedIn);
  const waitingCount = waiting ? waiting.submitted + waiting.proposals : 0;
  return (
    <nav aria-label={t.label} className="site-nav">
      {signedIn ? (
        <>
          <span className="site-nav-who">
            {signedIn.user?.name}
            {signedIn.organisation.demo ? <span className="badge badge-demo">{t.demo}</span> : null}
          </span>
          {confirmingParty(signedIn) ? <ToConfirmLink /> : null}
          {waiting ? (
            <ViewLink params={{ view: "workspace" }} className="site-nav-waiting" data-waiting={waitingCount}>
              {r.navWaiting(waitingCount)}
              <span className="visually-hidden"> {r.navWaitingTail}</span>
            </ViewLink>
          ) : null}
          {importDecision(signedIn).allowed ? (
            <ViewLink params={{ view: "import" }}>{t.importFile}</ViewLink>
          ) : null}
          <NoticesLink />
          <ViewLink params={{ view: "account" }}>{t.account}</ViewLink>
        </>
      ) : session.isPending ? null : (
        <ViewLink params={{ view: "sign-in" }}>{t.signIn}</ViewLink>
      )}
    </nav>
  );
}

/** A verifier's way to the deliveries waiting for their confirmation, with how many there are. */
function ToConfirmLink() {
  const t = useMessages(confirmMessages).queue;
  const count = useQuery(waitingQuery).data?.toConfirm;
  return (
    <ViewLink params={{ view: "to-confirm" }} data-to-confirm-count={count ?? undefined}>
      {count == null ? t.title : t.nav(count)}
    </ViewLink>
  );
}
