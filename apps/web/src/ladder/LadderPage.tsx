import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type AgreementView, agreementsQuery, gradationQuery } from "../api.ts";
import { formatPartialDate } from "../format.ts";
import { agreementShortTitle, byAgreementTitle } from "../i18n/agreements.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { label, words } from "../i18n/vocabulary.ts";
import { sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { useSearchParam } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { AgreementDetail } from "./AgreementDetail.tsx";
import { messages } from "./messages.ts";
import "./ladder.css";

export function LadderPage() {
  const gradation = useQuery(gradationQuery);
  const agreements = useQuery(agreementsQuery);
  const t = useMessages(messages);
  const lang = useLang();
  const partyName = usePartyName();
  const heading = usePageHeading(t.ladderTitle);
  const [selectedId, select] = useSearchParam("agreement");

  // Each rung's agreements in the order of the short titles its chips show, in the page's language.
  const byType = useMemo(() => {
    const map = new Map<string, AgreementView[]>();
    for (const agreement of byAgreementTitle(agreements.data ?? [], lang, agreementShortTitle)) {
      map.set(agreement.instrumentType, [...(map.get(agreement.instrumentType) ?? []), agreement]);
    }
    return map;
  }, [agreements.data, lang]);
  const selected = agreements.data?.find((a) => a.id === selectedId);

  const error = gradation.error ?? agreements.error;
  if (error) return <p role="alert">{t.loadFailed(sayRefusal(error, lang))}</p>;
  if (!gradation.data || !agreements.data) return <p aria-busy="true">{t.loading}</p>;

  // The ladder is climbed from the bottom: soft assurances below, hard obligations at the top.
  const tiersTopDown = [...gradation.data.tiers].sort((a, b) => b.rank - a.rank);

  return (
    <div className="ladder-layout">
      <section aria-labelledby="ladder-title" className="ladder">
        <h1 id="ladder-title" ref={heading} tabIndex={-1}>
          {t.ladderTitle}
        </h1>
        <p className="lede">{t.ladderLede}</p>
        <p>
          <ViewLink params={{ view: "compare" }}>{t.compareLink}</ViewLink>
        </p>
        {tiersTopDown.map((tier) => {
          const tierWords = words("tier", tier.id, lang);
          return (
            <section key={tier.id} className={`tier tier-${tier.id}`} aria-labelledby={`tier-${tier.id}`}>
              <h2 id={`tier-${tier.id}`}>
                {tierWords.label} <span className="tier-heading">— {tierWords.heading}</span>
              </h2>
              <p className="tier-description">{tierWords.description}</p>
              <ol className="rungs">
                {[...tier.instrumentTypes].reverse().map((type) => {
                  const onRung = byType.get(type.id) ?? [];
                  const typeWords = words("instrumentType", type.id, lang);
                  return (
                    <li key={type.id} className="rung" data-instrument-type={type.id}>
                      <div className="rung-label">
                        <h3>{typeWords.label}</h3>
                        <p>{typeWords.description}</p>
                      </div>
                      <ul
                        className="rung-agreements"
                        aria-label={t.instruments(typeWords.label, onRung.length)}
                      >
                        {onRung.map((agreement) => (
                          <li key={agreement.id}>
                            <button
                              type="button"
                              className="chip"
                              aria-pressed={agreement.id === selectedId}
                              onClick={() => select(agreement.id === selectedId ? null : agreement.id)}
                            >
                              <span className="chip-title">{agreementShortTitle(agreement, lang)}</span>
                              {agreement.signed ? (
                                <span className="chip-date">{formatPartialDate(agreement.signed, lang)}</span>
                              ) : null}
                              {agreement.currentStatus && agreement.currentStatus !== "signed" ? (
                                <span className="chip-status">
                                  {label("agreementStatus", agreement.currentStatus, lang)}
                                </span>
                              ) : null}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })}
      </section>
      <aside className="detail" aria-live="polite">
        {selected ? (
          <AgreementDetail agreement={selected} partyName={partyName} onClose={() => select(null)} />
        ) : (
          <p className="detail-empty">{t.selectHint}</p>
        )}
      </aside>
    </div>
  );
}
