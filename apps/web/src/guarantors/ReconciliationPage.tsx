import { useQuery } from "@tanstack/react-query";
import { ScrollBox } from "../commitments/ScrollBox.tsx";
import { formatInteger } from "../format.ts";
import { common } from "../i18n/common.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { label } from "../i18n/vocabulary.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { useSearchParam } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { reconciliationMessages } from "./messages.ts";
import { reconciliationQuery } from "./queries.ts";
import "./guarantors.css";

/** `?view=reconciliation&donor=GB`: Kiel's heavy-weapons counts against SIPRI's, system by system. */
export function ReconciliationPage() {
  const t = useMessages(reconciliationMessages);
  const c = useMessages(common);
  const lang = useLang();
  const name = usePartyName();
  const heading = usePageHeading(t.title);
  const [donor, setDonor] = useSearchParam("donor");
  const query = useQuery(reconciliationQuery(donor));
  const all = useQuery(reconciliationQuery(null));
  const donors = [...new Set((all.data?.systems ?? []).map((s) => s.donor))].sort((a, b) =>
    name(a).localeCompare(name(b)),
  );
  const n = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : formatInteger(value, lang);
  const data = query.data;
  return (
    <section className="reconciliation" aria-labelledby="reconciliation-title">
      <p>
        <ViewLink params={{ view: "guarantors" }}>← {t.back}</ViewLink>
      </p>
      <h1 id="reconciliation-title" ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="lede">{t.lede}</p>
      <p>
        <label htmlFor="reconciliation-donor">{t.donor}</label>{" "}
        <select
          id="reconciliation-donor"
          value={donor ?? ""}
          onChange={(e) => setDonor(e.target.value === "" ? null : e.target.value)}
        >
          <option value="">{t.allDonors}</option>
          {donors.map((d) => (
            <option key={d} value={d}>
              {name(d)}
            </option>
          ))}
        </select>
      </p>
      {query.error ? (
        <p role="alert">{c.failed(sayRefusal(query.error, lang))}</p>
      ) : !data ? (
        <p aria-busy="true">{c.loading}</p>
      ) : data.systems.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <ScrollBox labelledBy="reconciliation-caption">
            <table className="data-table">
              <caption id="reconciliation-caption">{t.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.donor}</th>
                  <th scope="col">{t.system}</th>
                  <th scope="col" className="num">
                    {t.kiel}
                  </th>
                  <th scope="col" className="num">
                    {t.sipriOrdered}
                  </th>
                  <th scope="col" className="num">
                    {t.sipriDelivered}
                  </th>
                  <th scope="col" className="num">
                    {t.difference}
                  </th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {data.systems.map((s) => (
                  <tr key={`${s.donor}-${s.system.id}`}>
                    <td>{name(s.donor)}</td>
                    <th scope="row">
                      <span title={s.system.note}>{s.system.name}</span>
                    </th>
                    <td className="num">{n(s.kiel?.count)}</td>
                    <td className="num">{n(s.sipri?.ordered)}</td>
                    <td className="num">{n(s.sipri?.delivered)}</td>
                    <td className="num">{n(s.difference)}</td>
                    <td className={`status-${s.status}`}>{label("reconciliationStatus", s.status, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <h2 id="unmatched-kiel">{t.unmatchedKiel}</h2>
          <ul>
            {data.unmatched.kiel.map((k) => (
              <li key={`${k.donor}-${k.item}`}>
                {name(k.donor)}: {k.item} ({n(k.count)})
              </li>
            ))}
          </ul>
          <h2 id="unmatched-sipri">{t.unmatchedSipri}</h2>
          <ul>
            {data.unmatched.sipri.map((s) => (
              <li key={`${s.donor}-${s.designation}`}>
                {name(s.donor)}: {s.designation} ({n(s.ordered)} / {n(s.delivered)})
              </li>
            ))}
          </ul>
          <p className="source-line">
            {data.sources.map((s) => s.release ?? s.publisher ?? s.id).join("; ")}
          </p>
        </>
      )}
    </section>
  );
}
