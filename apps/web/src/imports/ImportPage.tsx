import { useQuery } from "@tanstack/react-query";
import { importDecision } from "../account/access.ts";
import { messages as accountMessages } from "../account/messages.ts";
import { sessionQuery } from "../api.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";
import { ImportForm } from "./ImportForm.tsx";
import { messages } from "./messages.ts";
import { RecentImports } from "./RecentImports.tsx";
import "./imports.css";

/**
 * Importing a file (?view=import): the template, SIPRI, Kiel or IATI, checked first if one likes (a dry run), then
 * imported all or nothing, with every problem listed by row and column.
 */
export function ImportPage() {
  const t = useMessages(messages);
  const lang = useLang();
  const reasons = useMessages(accountMessages);
  const session = useQuery(sessionQuery);
  const heading = usePageHeading(t.title);

  const signedIn = session.data?.user ? session.data : null;
  const decision = signedIn ? importDecision(signedIn) : null;
  // A ministry's import lands as drafts, which are reviewed and submitted in its workspace.
  const ministry = signedIn?.organisation.kind === "partner_ministry";
  return (
    <article className="import-page" aria-labelledby="import-title">
      <nav aria-label={t.breadcrumb} className="breadcrumb">
        <ViewLink params={{ view: "account" }}>{t.back}</ViewLink>
      </nav>
      <h1 id="import-title" tabIndex={-1} ref={heading}>
        {t.title}
      </h1>
      <p className="lede">{t.lede}</p>
      {ministry ? (
        <p>
          {t.workspaceLead} <ViewLink params={{ view: "workspace" }}>{t.workspace}</ViewLink>.
        </p>
      ) : null}
      <section aria-labelledby="import-help-title">
        <h2 id="import-help-title">{t.templateTitle}</h2>
        <p>
          {t.template.lead}{" "}
          <a href="/v1/imports/template.csv" download>
            CSV
          </a>{" "}
          {t.template.or}{" "}
          {/* The workbook's instructions, example and drop-downs are in the page's language. */}
          <a href={`/v1/imports/template.xlsx?lang=${lang}`} download>
            XLSX
          </a>{" "}
          {t.template.exampleLead}{" "}
          <a href={`/v1/imports/template-example.csv?lang=${lang}`} download>
            {t.template.example}
          </a>
          {t.template.dictionaryLead}{" "}
          <ViewLink params={{ view: "data-dictionary" }}>{t.template.dictionary}</ViewLink>{" "}
          {t.template.dictionaryTail}
        </p>
      </section>
      {session.error ? (
        <p role="alert">{t.sessionFailed(sayRefusal(session.error, lang))}</p>
      ) : session.isPending ? (
        <p aria-busy="true">{t.loadingSession}</p>
      ) : !signedIn ? (
        <p className="empty-state">
          {t.notSignedIn} <ViewLink params={{ view: "sign-in" }}>{t.signIn}</ViewLink> {t.notSignedInTail}
        </p>
      ) : decision && !decision.allowed ? (
        <p className="empty-state">{t.notAllowed(reasons.reason(decision.reason))}</p>
      ) : (
        <>
          <ImportForm session={signedIn} />
          <RecentImports />
        </>
      )}
    </article>
  );
}
