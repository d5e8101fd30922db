import { useQuery } from "@tanstack/react-query";
import { type AgreementView, categoriesQuery, commitmentsQuery } from "../api.ts";
import { promised } from "../commitments/labels.ts";
import { formatMeasure, formatPartialDate, humanise } from "../format.ts";
import { ViewLink } from "../ViewLink.tsx";
import { SourceList } from "./SourceList.tsx";

type Provision = AgreementView["provisions"][number]["provision"];

const natoStances: Record<string, string> = {
  path_supported: "Supports Ukraine's path to NATO membership",
  bridge_to_membership: "Presented as a bridge to NATO membership",
  review_on_accession: "Its future to be decided if Ukraine joins NATO",
  not_supported: "No NATO membership path",
};

/** One line that says what a provision provides, in the tracker's words; the source's words follow it. */
function provisionHeadline(p: Provision): string {
  switch (p.kind) {
    case "consultation":
      return p.deadlineHours ? `Consultation within ${p.deadlineHours} hours` : "Consultation";
    case "mutual_defence":
      return p.present ? "Mutual-defence clause" : "No mutual-defence clause";
    case "assistance": {
      const amount = p.amount
        ? ` — ${formatMeasure({ kind: "money", ...p.amount })}${p.amountBasis === "per_year" ? " a year" : ""}`
        : "";
      return `${p.multiYear ? "Multi-year assistance" : "Assistance"}${amount}`;
    }
    case "nato_membership":
      return natoStances[p.stance] ?? humanise(p.stance);
    case "duration_termination":
      return p.durationYears ? `Duration: ${p.durationYears} years` : "Duration and termination";
    case "defence_industrial":
      return [
        "Defence-industrial cooperation",
        p.coProduction ? "co-production" : null,
        p.localisation ? "localisation" : null,
      ]
        .filter(Boolean)
        .join(", ");
    case "intelligence_cyber":
      return (
        [p.intelligence ? "Intelligence" : null, p.cyber ? "cyber" : null].filter(Boolean).join(" and ") ||
        "Intelligence and cyber"
      );
    case "reconstruction_reform":
      return (
        [p.reconstruction ? "Reconstruction" : null, p.reform ? "reform" : null]
          .filter(Boolean)
          .join(" and ") || "Reconstruction and reform"
      );
    case "capability_coalition":
      return `${humanise(p.role)} of the ${p.coalition}`;
    case "sanctions_response":
      return "Sanctions and stepped responses";
  }
}

export function AgreementDetail({
  agreement,
  partyName,
  onClose,
}: {
  agreement: AgreementView;
  partyName: (id: string) => string;
  onClose: () => void;
}) {
  const categories = useQuery(categoriesQuery);
  const categoryLabel = (id: string) => categories.data?.find((c) => c.id === id)?.label ?? humanise(id);
  const commitments = useQuery(commitmentsQuery);
  const underIt = commitments.data?.items.filter((c) => c.agreement === agreement.id) ?? [];
  return (
    <article className="agreement" aria-labelledby="agreement-title">
      <button type="button" className="close" onClick={onClose} aria-label="Close the details">
        ×
      </button>
      <p className="eyebrow">
        {humanise(agreement.tier)} · {agreement.classification.instrumentType.replaceAll("_", " ")}
        {agreement.synthetic ? <span className="badge badge-synthetic">Synthetic</span> : null}
      </p>
      <h2 id="agreement-title">{agreement.title}</h2>
      {agreement.summary ? <p>{agreement.summary}</p> : null}
      <dl className="facts">
        <dt>Guarantors</dt>
        <dd>
          {agreement.guarantors.length > 0
            ? agreement.guarantors.map(partyName).join(", ")
            : "Not named in the sources"}
        </dd>
        <dt>Beneficiaries</dt>
        <dd>{agreement.beneficiaries.map(partyName).join(", ")}</dd>
        {agreement.signed ? (
          <>
            <dt>Signed</dt>
            <dd>{formatPartialDate(agreement.signed)}</dd>
          </>
        ) : null}
        {agreement.durationYears ? (
          <>
            <dt>Duration</dt>
            <dd>{agreement.durationYears} years</dd>
          </>
        ) : null}
      </dl>

      <h3>Why it sits on this rung</h3>
      <ul className="reasons">
        {agreement.classification.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>

      {agreement.provisions.length > 0 ? (
        <>
          <h3>Provisions</h3>
          <ul className="provisions">
            {agreement.provisions.map(({ id, provision: p }) => (
              <li key={id}>
                <strong>{provisionHeadline(p)}</strong>
                {p.kind === "assistance" && p.categories.length > 0 ? (
                  <span className="provision-categories">
                    {" "}
                    ({p.categories.map(categoryLabel).join(", ")})
                  </span>
                ) : null}
                <p>{p.text}</p>
                <SourceList sources={p.sources} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {underIt.length > 0 ? (
        <>
          <h3>Commitments under it</h3>
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

      <h3>History</h3>
      <ol className="timeline">
        {agreement.statusHistory.map((change, i) => (
          <li key={`${change.status}-${i}`}>
            <span className="timeline-date">
              {change.dateBasis === "reported"
                ? `Reported ${formatPartialDate(change.date)}`
                : formatPartialDate(change.date)}
            </span>{" "}
            <strong>{humanise(change.status)}</strong>
            {change.note ? <p>{change.note}</p> : null}
            <SourceList sources={change.sources} />
          </li>
        ))}
      </ol>

      <h3>Sources</h3>
      <SourceList sources={agreement.sources} />
    </article>
  );
}
