import { useQuery } from "@tanstack/react-query";
import { sessionQuery } from "../api.ts";
import { useMessages } from "../i18n/index.ts";
import { NoticesLink } from "../notices/NoticesLink.tsx";
import { ViewLink } from "../ViewLink.tsx";
import { importDecision } from "./access.ts";
import { messages } from "./messages.ts";

/** The header's way in: "Sign in" for the public, the account for whoever is signed in. */
export function AccountNav() {
  const t = useMessages(messages).nav;
  const session = useQuery(sessionQuery);
  const signedIn = session.data?.user ? session.data : null;
  return (
    <nav aria-label={t.label} className="site-nav">
      {signedIn ? (
        <>
          <span className="site-nav-who">
            {signedIn.user?.name}
            {signedIn.organisation.demo ? <span className="badge badge-demo">{t.demo}</span> : null}
          </span>
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
