import { LadderPage } from "./ladder/LadderPage.tsx";

export function App() {
  return (
    <>
      <header className="site-header">
        <div className="wrap">
          <p className="site-name">Commitments tracker</p>
          <p className="site-tagline">What was promised to Ukraine, and what has arrived.</p>
        </div>
      </header>
      <main className="wrap">
        <LadderPage />
      </main>
      <footer className="site-footer wrap">
        <p>
          Every figure carries its source. Data: <a href="/openapi.json">API (OpenAPI 3.1)</a>.
        </p>
      </footer>
    </>
  );
}
