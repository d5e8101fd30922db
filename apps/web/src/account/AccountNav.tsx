import { useQuery } from "@tanstack/react-query";
import { sessionQuery } from "../api.ts";
import { ViewLink } from "../ViewLink.tsx";
import { importDecision } from "./access.ts";

/** The header's way in: "Sign in" for the public, the account for whoever is signed in. */
export function AccountNav() {
  const session = useQuery(sessionQuery);
  const signedIn = session.data?.user ? session.data : null;
  return (
    <nav aria-label="Account" className="site-nav">
      {signedIn ? (
        <>
          <span className="site-nav-who">
            {signedIn.user?.name}
            {signedIn.organisation.demo ? <span className="badge badge-demo">Demo</span> : null}
          </span>
          {importDecision(signedIn).allowed ? (
            <ViewLink params={{ view: "import" }}>Import a file</ViewLink>
          ) : null}
          <ViewLink params={{ view: "account" }}>Account</ViewLink>
        </>
      ) : session.isPending ? null : (
        <ViewLink params={{ view: "sign-in" }}>Sign in</ViewLink>
      )}
    </nav>
  );
}
