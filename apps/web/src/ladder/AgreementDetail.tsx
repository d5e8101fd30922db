import { useQuery } from "@tanstack/react-query";
import { type AgreementView, commitmentsQuery } from "../api.ts";
import { promised } from "../commitments/labels.ts";
import { SourceList } from "../commitments/SourceList.tsx";
import { formatPartialDate } from "../format.ts";
import { agreementTitle } from "../i18n/agreements.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { label } from "../i18n/vocabulary.ts";
import { ViewLink } from "../ViewLink.tsx";
import { messages } from "./messages.ts";
import { provisionHeadline } from "./provisions.ts";

export function AgreementDetail({
  agreement,
  partyName,
  onClose,
}: {
  agreement: AgreementView;
  partyName: (id: string) => string;
  onClose: () => void;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const commitments = useQuery(commitmentsQuery);
  const underIt = commitments.data?.items.filter((c) => c.agreement === agreement.id) ?? [];
  return (
    <article className="agreement" aria-labelledby="agreement-title">
      <button type="button" className="close" onClick={onClose} aria-label={t.close}>
        ×
      </button>
      <p className="eyebrow">
        {label("tier", agreement.tier, lang)} ·{" "}
        {label("instrumentType", agreement.classification.instrumentType, lang)}
        {agreement.synthetic ? <span className="badge badge-synthetic">{t.synthetic}</span> : null}
      </p>
      <h2 id="agreement-title">{agreementTitle(agreement, lang)}</h2>
      {agreement.summary ? <p>{agreement.summary}</p> : null}
      <dl className="facts">
        <dt>{t.guarantors}</dt>
        <dd>
          {agreement.guarantors.length > 0 ? agreement.guarantors.map(partyName).join(", ") : t.noGuarantors}
        </dd>
        <dt>{t.beneficiaries}</dt>
        <dd>{agreement.beneficiaries.map(partyName).join(", ")}</dd>
        {agreement.signed ? (
          <>
            <dt>{t.signed}</dt>
            <dd>{formatPartialDate(agreement.signed, lang)}</dd>
          </>
        ) : null}
        {agreement.durationYears ? (
          <>
            <dt>{t.duration}</dt>
            <dd>{t.years(agreement.durationYears)}</dd>
          </>
        ) : null}
      </dl>

      <h3>{t.why}</h3>
      <ul className="reasons">
        {agreement.classification.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>

      {agreement.provisions.length > 0 ? (
        <>
          <h3>{t.provisions}</h3>
          <ul className="provisions">
            {agreement.provisions.map(({ id, provision: p }) => (
              <li key={id}>
                <strong>{provisionHeadline(p, t.headline)}</strong>
                {p.kind === "assistance" && p.categories.length > 0 ? (
                  <span className="provision-categories">
                    {" "}
                    ({p.categories.map((category) => label("category", category, lang)).join(", ")})
                  </span>
                ) : null}
                <p>{p.text}</p>
                <SourceList sources={p.sources} brief />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {underIt.length > 0 ? (
        <>
          <h3>{t.commitmentsUnder}</h3>
          <ul className="agreement-commitments">
            {underIt.map((c) => (
              <li key={c.id}>
                <ViewLink params={{ commitment: c.id }}>{c.title}</ViewLink> —{" "}
                {promised(c.measure, c.measureBasis)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t.history}</h3>
      <ol className="timeline">
        {agreement.statusHistory.map((change, i) => (
          <li key={`${change.status}-${i}`}>
            <span className="timeline-date">
              {change.dateBasis === "reported"
                ? t.reported(formatPartialDate(change.date))
                : formatPartialDate(change.date)}
            </span>{" "}
            <strong>{label("agreementStatus", change.status, lang)}</strong>
            {change.note ? <p>{change.note}</p> : null}
            <SourceList sources={change.sources} brief />
          </li>
        ))}
      </ol>

      <h3>{t.sources}</h3>
      <SourceList sources={agreement.sources} brief />
    </article>
  );
}
