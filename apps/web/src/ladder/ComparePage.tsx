import type { ProvisionKind } from "@commitments/core";
import { useQuery } from "@tanstack/react-query";
import { type AgreementView, agreementsQuery } from "../api.ts";
import { SourceList } from "../commitments/SourceList.tsx";
import { agreementShortTitle, byAgreementTitle } from "../i18n/agreements.ts";
import { common } from "../i18n/common.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { label } from "../i18n/vocabulary.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { updateSearch, useSearchParam } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { messages } from "./messages.ts";
import { provisionHeadline } from "./provisions.ts";
import "./ladder.css";

// The rows, in the order a reader weighs a guarantee: what happens in a crisis first, then what it lasts and gives.
const rows: ProvisionKind[] = [
  "consultation",
  "mutual_defence",
  "duration_termination",
  "nato_membership",
  "assistance",
  "defence_industrial",
  "intelligence_cyber",
  "capability_coalition",
  "sanctions_response",
  "reconstruction_reform",
];

/** The UK, French and US accords, when the URL names none: the bilateral accords readers most often weigh. */
const defaultIds = [
  "uk-ukraine-security-cooperation-2024",
  "france-ukraine-security-cooperation-2024",
  "us-ukraine-bilateral-security-agreement-2024",
];

/** `?view=compare&agreements=a,b,c`: agreements side by side, one row per kind of provision, sources in each cell. */
export function ComparePage() {
  const t = useMessages(messages);
  const c = useMessages(common);
  const heading = usePageHeading(t.compareTitle);
  const agreements = useQuery(agreementsQuery);
  const lang = useLang();
  const [param] = useSearchParam("agreements");
  const chosenIds = param ? param.split(",").filter(Boolean) : defaultIds;
  const all = agreements.data ?? [];
  const chosen = chosenIds.map((id) => all.find((a) => a.id === id)).filter((a): a is AgreementView => !!a);
  const toggle = (id: string) => {
    const next = chosenIds.includes(id) ? chosenIds.filter((x) => x !== id) : [...chosenIds, id];
    updateSearch({ agreements: next.join(",") || null });
  };

  return (
    <article className="compare" aria-labelledby="compare-title">
      <h1 id="compare-title" ref={heading} tabIndex={-1}>
        {t.compareTitle}
      </h1>
      <p className="lede">{t.compareLede}</p>
      {agreements.error ? <p role="alert">{c.failed(sayRefusal(agreements.error, lang))}</p> : null}
      <fieldset className="compare-choice">
        <legend>{t.choose}</legend>
        {byAgreementTitle(all, lang, agreementShortTitle).map((a) => (
          <label key={a.id} className="check">
            <input type="checkbox" checked={chosenIds.includes(a.id)} onChange={() => toggle(a.id)} />{" "}
            {agreementShortTitle(a, lang)}
          </label>
        ))}
      </fieldset>
      {chosen.length === 0 ? null : (
        <div className="table-scroll">
          <table className="data-table compare-table">
            <thead>
              <tr>
                <th scope="col">{t.provision}</th>
                {chosen.map((a) => (
                  <th scope="col" key={a.id}>
                    <ViewLink params={{ view: "agreements", agreement: a.id }}>
                      {agreementShortTitle(a, lang)}
                    </ViewLink>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t.tier}</th>
                {chosen.map((a) => (
                  <td key={a.id}>
                    <span className={`tier-tag tier-${a.tier}`}>{label("tier", a.tier, lang)}</span>{" "}
                    {label("instrumentType", a.instrumentType, lang)}
                  </td>
                ))}
              </tr>
              {rows.map((kind) => (
                <tr key={kind} data-provision={kind}>
                  <th scope="row">{t.kinds[kind]}</th>
                  {chosen.map((a) => {
                    const provisions = a.provisions.filter((p) => p.provision.kind === kind);
                    return (
                      <td key={a.id}>
                        {provisions.length === 0 ? (
                          <span className="muted">{t.notRecorded}</span>
                        ) : (
                          provisions.map(({ id, provision }) => (
                            <div key={id} className="compare-cell">
                              <strong>{provisionHeadline(provision, t.headline)}</strong>
                              <details>
                                <summary>{t.sources}</summary>
                                <p>{provision.text}</p>
                                <SourceList sources={provision.sources} brief />
                              </details>
                            </div>
                          ))
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
