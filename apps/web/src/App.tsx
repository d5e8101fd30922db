import { AccountNav } from "./account/AccountNav.tsx";
import { AccountPage } from "./account/AccountPage.tsx";
import { SignInPage } from "./account/SignInPage.tsx";
import { CommitmentPage } from "./commitments/CommitmentPage.tsx";
import { CommitmentsSection } from "./commitments/CommitmentsSection.tsx";
import { DictionaryPage } from "./dictionary/DictionaryPage.tsx";
import { ImportPage } from "./imports/ImportPage.tsx";
import { LadderPage } from "./ladder/LadderPage.tsx";
import { useSearchParam } from "./useSearchParam.ts";
import { ViewLink } from "./ViewLink.tsx";

export function App() {
  // The URL is the state: ?commitment=<id> is one commitment's view, ?view=sign-in and ?view=account the account
  // area, ?view=import importing a file, ?view=data-dictionary the exports' columns; otherwise the ladder, then the
  // commitments.
  const [commitmentId] = useSearchParam("commitment");
  const [view] = useSearchParam("view");
  return (
    <>
      <header className="site-header">
        <div className="wrap">
          <p className="site-name">Commitments tracker</p>
          <p className="site-tagline">What was promised to Ukraine, and what has arrived.</p>
          <AccountNav />
        </div>
      </header>
      <main className="wrap">
        {commitmentId ? (
          <CommitmentPage key={commitmentId} id={commitmentId} />
        ) : view === "sign-in" ? (
          <SignInPage />
        ) : view === "account" ? (
          <AccountPage />
        ) : view === "import" ? (
          <ImportPage />
        ) : view === "data-dictionary" ? (
          <DictionaryPage />
        ) : (
          <>
            <LadderPage />
            <CommitmentsSection />
          </>
        )}
      </main>
      <footer className="site-footer wrap">
        <p>
          Every figure carries its source. Data: <a href="/reference">API reference</a> ·{" "}
          <a href="/openapi.json">OpenAPI 3.1 document</a> ·{" "}
          <ViewLink params={{ view: "data-dictionary" }}>Data dictionary</ViewLink>.
        </p>
      </footer>
    </>
  );
}
