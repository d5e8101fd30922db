import { type ComponentType, lazy, Suspense, useEffect } from "react";
import { AccountNav } from "./account/AccountNav.tsx";
import { common } from "./i18n/common.ts";
import { useLang, useMessages } from "./i18n/index.ts";
import { LanguageSwitch } from "./i18n/LanguageSwitch.tsx";
import { useSearchParam } from "./useSearchParam.ts";
import { ViewLink } from "./ViewLink.tsx";

/** A page loaded only when it is visited, so the first page's JavaScript stays small. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const DashboardPage = page(() => import("./dashboard/DashboardPage.tsx"), "DashboardPage");
const DonorsPage = page(() => import("./donors/DonorsPage.tsx"), "DonorsPage");
const LadderPage = page(() => import("./ladder/LadderPage.tsx"), "LadderPage");
const ComparePage = page(() => import("./ladder/ComparePage.tsx"), "ComparePage");
const CommitmentsPage = page(() => import("./commitments/CommitmentsSection.tsx"), "CommitmentsSection");
const CommitmentPage = lazy(async () => ({
  default: (await import("./commitments/CommitmentPage.tsx")).CommitmentPage,
}));
const GuarantorsPage = page(() => import("./guarantors/GuarantorsPage.tsx"), "GuarantorsPage");
const ReconciliationPage = page(() => import("./guarantors/ReconciliationPage.tsx"), "ReconciliationPage");
const WatchPage = page(() => import("./watch/WatchPage.tsx"), "WatchPage");
const WorkspacePage = page(() => import("./workspace/WorkspacePage.tsx"), "WorkspacePage");
const SignInPage = page(() => import("./account/SignInPage.tsx"), "SignInPage");
const AccountPage = page(() => import("./account/AccountPage.tsx"), "AccountPage");
const ImportPage = page(() => import("./imports/ImportPage.tsx"), "ImportPage");
const ToConfirmPage = page(() => import("./confirm/ToConfirmPage.tsx"), "ToConfirmPage");
const DictionaryPage = page(() => import("./dictionary/DictionaryPage.tsx"), "DictionaryPage");
const NoticesPage = page(() => import("./notices/NoticesPage.tsx"), "NoticesPage");

/** The view a URL names: the URL is the state, so every view can be shared and reloaded. */
const views: Record<string, ComponentType> = {
  dashboard: DashboardPage,
  chart: DashboardPage,
  donors: DonorsPage,
  donor: DonorsPage,
  guarantors: GuarantorsPage,
  guarantor: GuarantorsPage,
  reconciliation: ReconciliationPage,
  agreements: LadderPage,
  compare: ComparePage,
  commitments: CommitmentsPage,
  watch: WatchPage,
  workspace: WorkspacePage,
  "to-confirm": ToConfirmPage,
  "sign-in": SignInPage,
  account: AccountPage,
  import: ImportPage,
  "data-dictionary": DictionaryPage,
  notices: NoticesPage,
};

const navigation = [
  "dashboard",
  "donors",
  "guarantors",
  "agreements",
  "commitments",
  "watch",
  "workspace",
] as const;

export function App() {
  const t = useMessages(common);
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const [commitmentId] = useSearchParam("commitment");
  const [view] = useSearchParam("view");
  const current = commitmentId ? "commitments" : (view ?? "dashboard");
  const View = views[current] ?? DashboardPage;
  return (
    <>
      <a className="skip-link" href="#content">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="wrap site-header-row">
          <div>
            <p className="site-name">
              <ViewLink params={{}}>{t.siteName}</ViewLink>
            </p>
            <p className="site-tagline">{t.tagline}</p>
          </div>
          <div className="site-tools">
            <LanguageSwitch />
            <AccountNav />
          </div>
        </div>
        <nav aria-label={t.mainNav} className="wrap main-nav">
          <ul>
            {navigation.map((name) => (
              <li key={name}>
                <ViewLink
                  params={name === "dashboard" ? {} : { view: name }}
                  aria-current={
                    current === name ||
                    (name === "donors" && current === "donor") ||
                    (name === "guarantors" && (current === "guarantor" || current === "reconciliation"))
                      ? "page"
                      : undefined
                  }
                >
                  {t.nav[name]}
                </ViewLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="content" className="wrap" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">{t.loading}</p>}>
          {commitmentId ? <CommitmentPage key={commitmentId} id={commitmentId} /> : <View />}
        </Suspense>
      </main>
      <footer className="site-footer wrap">
        <p>
          {t.footer.lead} <a href="/reference">{t.footer.reference}</a> ·{" "}
          <a href="/openapi.json">{t.footer.openapi}</a> ·{" "}
          <ViewLink params={{ view: "data-dictionary" }}>{t.footer.dictionary}</ViewLink>.
        </p>
      </footer>
    </>
  );
}
