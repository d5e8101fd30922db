import { useQuery } from "@tanstack/react-query";
import { useId, useMemo } from "react";
import { ScrollBox } from "../commitments/ScrollBox.tsx";
import { CopyField } from "../dashboard/ChartTools.tsx";
import { frameCode } from "../dashboard/chartState.ts";
import { formatDecimal, formatMeasure, formatRatio } from "../format.ts";
import { agreementTitle, byAgreementTitle } from "../i18n/agreements.ts";
import { common } from "../i18n/common.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { label, labelOrId } from "../i18n/vocabulary.ts";
import { messages as ladderMessages } from "../ladder/messages.ts";
import { provisionHeadline } from "../ladder/provisions.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { useSearchParam } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { LadderChart, ladderInput, ladderScaleOf } from "./LadderChart.tsx";
import { messages } from "./messages.ts";
import { guarantorQuery, guarantorsQuery } from "./queries.ts";
import "./guarantors.css";

/** `?view=guarantors` lists every guarantor with the ladder chart; `?view=guarantor&party=GB` is one guarantor. */
export function GuarantorsPage() {
  const [party] = useSearchParam("party");
  const [view] = useSearchParam("view");
  return view === "guarantor" && party ? <GuarantorPage key={party} party={party} /> : <GuarantorList />;
}

function GuarantorList() {
  const t = useMessages(messages);
  const c = useMessages(common);
  const lang = useLang();
  const name = usePartyName();
  const heading = usePageHeading(t.title);
  const query = useQuery(guarantorsQuery);
  const [scaleParam, setScale] = useSearchParam("scale");
  const scale = ladderScaleOf(scaleParam);
  const input = useMemo(
    () => (query.data ? ladderInput(query.data, lang, t.chartTitle, t.chartSubtitle, scale) : null),
    [query.data, lang, t, scale],
  );
  const chartQuery = `lang=${lang}${scale === "log" ? "&scale=log" : ""}`;
  const scaleId = useId();
  return (
    <section className="guarantors" aria-labelledby="guarantors-title">
      <h1 id="guarantors-title" ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="lede">{t.lede}</p>
      <p>
        <ViewLink params={{ view: "reconciliation" }}>{t.reconciliation}</ViewLink>
      </p>
      {query.error ? (
        <p role="alert">{c.failed(sayRefusal(query.error, lang))}</p>
      ) : !query.data || !input ? (
        <p aria-busy="true">{c.loading}</p>
      ) : query.data.guarantors.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <div className="filter">
            <label htmlFor={scaleId}>{t.scale}</label>
            <select
              id={scaleId}
              value={scale}
              onChange={(event) => setScale(event.target.value === "log" ? "log" : null)}
            >
              <option value="linear">{t.scales.linear}</option>
              <option value="log">{t.scales.log}</option>
            </select>
          </div>
          <LadderChart input={input} />
          <p className="chart-actions">
            <a href="/v1/guarantors.csv" download="guarantors.csv">
              {t.downloadCsv}
            </a>{" "}
            ·{" "}
            <a href={`/v1/charts/guarantors.svg?${chartQuery}`} download="guarantors-ladder.svg">
              {t.downloadChartSvg}
            </a>{" "}
            ·{" "}
            <a href={`/v1/charts/guarantors.png?${chartQuery}`} download="guarantors-ladder.png">
              {t.downloadChartPng}
            </a>
          </p>
          <CopyField label={t.copyLink} text={window.location.href} button={t.copyLink} done={t.copied} />
          <CopyField
            label={t.embed}
            text={frameCode(`${window.location.origin}/embed/guarantors?${chartQuery}`, t.chartTitle, {
              width: 960,
              height: 560,
              below: 220,
            })}
            button={t.copyEmbed}
            done={t.embedCopied}
          />
          <ScrollBox labelledBy="guarantors-table">
            <table className="data-table">
              <caption id="guarantors-table">{t.chartTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.guarantor}</th>
                  <th scope="col">{t.rung}</th>
                  <th scope="col">{t.standing}</th>
                  <th scope="col" className="num">
                    {t.military}
                  </th>
                  <th scope="col" className="num">
                    {t.share}
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.guarantors.map((g) => (
                  <tr key={g.party.id}>
                    <th scope="row">
                      <ViewLink params={{ view: "guarantor", party: g.party.id }}>
                        {name(g.party.id)}
                      </ViewLink>
                    </th>
                    <td>
                      {g.rung
                        ? `${label("tier", g.rung.tier, lang)} — ${label("instrumentType", g.rung.instrumentType, lang)}`
                        : t.noRung}
                    </td>
                    <td>{label("ladderStanding", g.standing, lang)}</td>
                    <td className="num">
                      {g.ladder.volume ? formatMeasure({ kind: "money", ...g.ladder.volume }, { lang }) : "—"}
                    </td>
                    <td className="num">
                      {g.ladder.share === null ? "—" : formatRatio(g.ladder.share, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p className="source-line">
            {t.source(query.data.sources.map((s) => s.release ?? s.publisher ?? s.id).join("; "))}
          </p>
        </>
      )}
    </section>
  );
}

function GuarantorPage({ party }: { party: string }) {
  const t = useMessages(messages);
  const c = useMessages(common);
  const h = useMessages(ladderMessages).headline;
  const lang = useLang();
  const partyName = usePartyName();
  const name = partyName(party);
  const heading = usePageHeading(name);
  const query = useQuery(guarantorQuery(party));
  const g = query.data;
  const kiel = g?.figures.filter((f) => f.source.id === "kiel" && f.measure.kind === "money") ?? [];
  const sipri = g?.figures.filter((f) => f.source.id === "sipri" && f.measure.kind === "quantity") ?? [];
  const sipriCategories = [...new Set(sipri.map((f) => f.category))];
  const units = (category: string, stage: string) => {
    const f = sipri.find((x) => x.category === category && x.stage === stage);
    return f && f.measure.kind === "quantity" ? formatDecimal(f.measure.count, lang) : "0";
  };
  const release = (id: string) => g?.sources.find((s) => s.id === id)?.release ?? id;
  return (
    <article className="guarantor" aria-labelledby="guarantor-title">
      <p>
        <ViewLink params={{ view: "guarantors" }}>← {t.back}</ViewLink>
      </p>
      <h1 id="guarantor-title" ref={heading} tabIndex={-1}>
        {name}
      </h1>
      <p className="lede">{t.guarantorLede(name)}</p>
      {query.error ? (
        <p role="alert">{c.failed(sayRefusal(query.error, lang))}</p>
      ) : !g ? (
        <p aria-busy="true">{c.loading}</p>
      ) : (
        <>
          <p className="rung-summary">
            <strong>{t.rung}:</strong>{" "}
            {g.rung
              ? `${label("tier", g.rung.tier, lang)} — ${label("instrumentType", g.rung.instrumentType, lang)}`
              : t.noRung}
            {" · "}
            <strong>{t.standing}:</strong> {label("ladderStanding", g.standing, lang)}
          </p>
          <section aria-labelledby="instruments">
            <h2 id="instruments">{t.instruments}</h2>
            {g.instruments.length === 0 ? (
              <p>{t.noInstruments}</p>
            ) : (
              <ul className="instrument-list">
                {byAgreementTitle(g.instruments, lang).map((i) => (
                  <li key={i.id} data-testid={`instrument-${i.id}`}>
                    <h3>
                      <ViewLink params={{ view: "agreements", agreement: i.id }}>
                        {agreementTitle(i, lang)}
                      </ViewLink>
                    </h3>
                    <p>
                      <span className={`badge tier-${i.tier}`}>{label("tier", i.tier, lang)}</span>{" "}
                      {label("instrumentType", i.instrumentType, lang)}
                      {i.currentStatus ? ` · ${label("agreementStatus", i.currentStatus, lang)}` : ""}
                      {i.via ? ` · ${t.via(partyName(i.via))}` : ""}
                      {i.stands ? "" : ` · ${t.notStanding}`}
                    </p>
                    <details>
                      <summary>{t.reasons}</summary>
                      <ul>
                        {i.classification.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </details>
                    {i.provisions.length > 0 ? (
                      <details>
                        <summary>
                          {t.provisions} ({i.provisions.length})
                        </summary>
                        <ul>
                          {i.provisions.map((p) => (
                            <li key={p.id}>{provisionHeadline(p.provision, h)}</li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="delivery">
            <h2 id="delivery">{t.delivery}</h2>
            <h3 id="kiel-money">{t.kielMoney}</h3>
            {kiel.length === 0 ? (
              <p>{t.noFigures}</p>
            ) : (
              <ScrollBox labelledBy="kiel-money">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.stage}</th>
                      <th scope="col">{t.category}</th>
                      <th scope="col" className="num">
                        {t.amount}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {kiel.map((f) => (
                      <tr key={`${f.stage}-${f.category}`}>
                        <td>{label("stage", f.stage, lang)}</td>
                        <td>{labelOrId("category", f.category, lang)}</td>
                        <td className="num">
                          {f.measure.kind === "money" ? formatMeasure(f.measure, { exact: true, lang }) : ""}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
            <p className="source-line">{t.source(release("kiel"))}</p>
            <h3 id="sipri-units">{t.sipriUnits}</h3>
            {sipriCategories.length === 0 ? (
              <p>{t.noFigures}</p>
            ) : (
              <ScrollBox labelledBy="sipri-units">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.category}</th>
                      <th scope="col" className="num">
                        {t.ordered}
                      </th>
                      <th scope="col" className="num">
                        {t.delivered}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {sipriCategories.map((category) => (
                      <tr key={category}>
                        <td>{labelOrId("category", category, lang)}</td>
                        <td className="num">{units(category, "committed")}</td>
                        <td className="num">{units(category, "delivered")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
            <p className="source-line">{t.source(release("sipri"))}</p>
            <h3 id="kiel-heavy">{t.kielHeavy}</h3>
            {g.heavyWeapons.length === 0 ? (
              <p>{t.noFigures}</p>
            ) : (
              <ScrollBox labelledBy="kiel-heavy">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.category}</th>
                      <th scope="col">{t.item}</th>
                      <th scope="col" className="num">
                        {t.count}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.heavyWeapons.map((w) => (
                      <tr key={`${w.category}-${w.item}`}>
                        <td>{labelOrId("category", w.category, lang)}</td>
                        <td>{w.item}</td>
                        <td className="num">{formatDecimal(w.count, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
            <p className="source-line">{t.source(release("kiel"))}</p>
            <p>
              <a
                href={`/v1/guarantors.csv?party=${encodeURIComponent(party)}`}
                download={`guarantor-${party}.csv`}
              >
                {t.downloadCsv}
              </a>{" "}
              · <ViewLink params={{ view: "reconciliation", donor: party }}>{t.reconciliation}</ViewLink>
            </p>
          </section>
        </>
      )}
    </article>
  );
}
