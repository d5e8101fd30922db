import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type AgreementView, agreementsQuery, gradationQuery, partiesQuery } from "../api.ts";
import { formatPartialDate } from "../format.ts";
import { useSearchParam } from "../useSearchParam.ts";
import { AgreementDetail } from "./AgreementDetail.tsx";

export function LadderPage() {
  const gradation = useQuery(gradationQuery);
  const agreements = useQuery(agreementsQuery);
  const parties = useQuery(partiesQuery);
  const [selectedId, select] = useSearchParam("agreement");

  const byType = useMemo(() => {
    const map = new Map<string, AgreementView[]>();
    for (const agreement of agreements.data ?? []) {
      map.set(agreement.instrumentType, [...(map.get(agreement.instrumentType) ?? []), agreement]);
    }
    return map;
  }, [agreements.data]);
  const partyNames = useMemo(() => new Map((parties.data ?? []).map((p) => [p.id, p.name])), [parties.data]);
  const selected = agreements.data?.find((a) => a.id === selectedId);

  const error = gradation.error ?? agreements.error;
  if (error) return <p role="alert">Could not load the ladder: {error.message}</p>;
  if (!gradation.data || !agreements.data) return <p aria-busy="true">Loading the ladder…</p>;

  // The ladder is climbed from the bottom: soft assurances below, hard obligations at the top.
  const tiersTopDown = [...gradation.data.tiers].sort((a, b) => b.rank - a.rank);

  return (
    <div className="ladder-layout">
      <section aria-labelledby="ladder-title" className="ladder">
        <h1 id="ladder-title">The ladder of security guarantees</h1>
        <p className="lede">
          From political words at the bottom to legal and military obligations at the top: every instrument
          the tracker records, placed on the gradation of Table 1 in Tanner, <cite>Friends and weapons</cite>{" "}
          (FES, 2025). Select one to see its provisions, its history and why it sits where it does.{" "}
          <a href="#commitments">What was promised and delivered</a> is listed below the ladder.
        </p>
        {tiersTopDown.map((tier) => (
          <section key={tier.id} className={`tier tier-${tier.id}`} aria-labelledby={`tier-${tier.id}`}>
            <h2 id={`tier-${tier.id}`}>
              {tier.label} <span className="tier-heading">— {tier.heading}</span>
            </h2>
            <p className="tier-description">{tier.description}</p>
            <ol className="rungs">
              {[...tier.instrumentTypes].reverse().map((type) => {
                const onRung = byType.get(type.id) ?? [];
                return (
                  <li key={type.id} className="rung" data-instrument-type={type.id}>
                    <div className="rung-label">
                      <h3>{type.label}</h3>
                      <p>{type.description}</p>
                    </div>
                    <ul
                      className="rung-agreements"
                      aria-label={`${type.label}: ${onRung.length} instruments`}
                    >
                      {onRung.map((agreement) => (
                        <li key={agreement.id}>
                          <button
                            type="button"
                            className="chip"
                            aria-pressed={agreement.id === selectedId}
                            onClick={() => select(agreement.id === selectedId ? null : agreement.id)}
                          >
                            <span className="chip-title">{agreement.shortTitle}</span>
                            {agreement.signed ? (
                              <span className="chip-date">{formatPartialDate(agreement.signed)}</span>
                            ) : null}
                            {agreement.currentStatus && agreement.currentStatus !== "signed" ? (
                              <span className="chip-status">{agreement.currentStatus.replace("_", " ")}</span>
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
        ))}
      </section>
      <aside className="detail" aria-live="polite">
        {selected ? (
          <AgreementDetail
            agreement={selected}
            partyName={(id) => partyNames.get(id) ?? id}
            onClose={() => select(null)}
          />
        ) : (
          <p className="detail-empty">
            Select an instrument on the ladder to see its provisions and sources.
          </p>
        )}
      </aside>
    </div>
  );
}
