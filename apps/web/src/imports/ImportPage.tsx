import { useQuery } from "@tanstack/react-query";
import { importDecision } from "../account/access.ts";
import { sessionQuery } from "../api.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";
import { ImportForm } from "./ImportForm.tsx";
import { RecentImports } from "./RecentImports.tsx";

/**
 * Importing a file (?view=import): the template, SIPRI, Kiel or IATI, checked first if one likes (a dry run), then
 * imported all or nothing, with every problem listed by row and column.
 */
export function ImportPage() {
  const session = useQuery(sessionQuery);
  const heading = usePageHeading("Import a file");

  const signedIn = session.data?.user ? session.data : null;
  const decision = signedIn ? importDecision(signedIn) : null;
  return (
    <article className="import-page" aria-labelledby="import-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ViewLink params={{ view: "account" }}>← Your account</ViewLink>
      </nav>
      <h1 id="import-title" tabIndex={-1} ref={heading}>
        Import a file
      </h1>
      <p className="lede">
        Every row is checked, against the others and against what the tracker already holds. If any row has a
        problem, nothing is written and every problem is listed; otherwise the records are written together,
        in one change set. Records the tracker already holds, unchanged, are skipped, so the same file twice
        changes nothing.
      </p>
      <section aria-labelledby="import-help-title">
        <h2 id="import-help-title">The template</h2>
        <p>
          The tracker's own format: one row per commitment, tranche or stage event. Download it blank, as{" "}
          <a href="/v1/imports/template.csv" download>
            CSV
          </a>{" "}
          or{" "}
          <a href="/v1/imports/template.xlsx" download>
            XLSX
          </a>
          ; the <ViewLink params={{ view: "data-dictionary" }}>data dictionary</ViewLink> describes every
          column (the records export's, which are the template's).
        </p>
      </section>
      {session.error ? (
        <p role="alert">Could not load your session: {session.error.message}</p>
      ) : session.isPending ? (
        <p aria-busy="true">Loading your session…</p>
      ) : !signedIn ? (
        <p className="empty-state">
          You are not signed in. <ViewLink params={{ view: "sign-in" }}>Sign in</ViewLink> to import a file.
        </p>
      ) : decision && !decision.allowed ? (
        <p className="empty-state">Your roles do not let you import files: {decision.reason}.</p>
      ) : (
        <>
          <ImportForm session={signedIn} />
          <RecentImports />
        </>
      )}
    </article>
  );
}
