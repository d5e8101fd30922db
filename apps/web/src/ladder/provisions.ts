import type { AgreementView } from "../api.ts";
import { formatMeasure } from "../format.ts";
import type { messages } from "./messages.ts";

export type Provision = AgreementView["provisions"][number]["provision"];
type Headline = (typeof messages)["en"]["headline"];

/** One line that says what a provision provides, in the tracker's words; the source's words follow it. */
export function provisionHeadline(p: Provision, h: Headline): string {
  const joined = (parts: (string | null)[], fallback: string) => {
    const present = parts.filter((x): x is string => x !== null);
    return present.length > 0 ? present.join(h.and) : fallback;
  };
  switch (p.kind) {
    case "consultation":
      return h.consultation(p.deadlineHours);
    case "mutual_defence":
      return h.mutualDefence(p.present);
    case "assistance": {
      const amount = p.amount
        ? ` — ${formatMeasure({ kind: "money", ...p.amount })}${p.amountBasis === "per_year" ? h.perYear : ""}`
        : "";
      return h.assistance(p.multiYear, amount);
    }
    case "nato_membership":
      return h.nato[p.stance];
    case "duration_termination":
      return h.duration(p.durationYears);
    case "defence_industrial":
      return [
        h.defenceIndustrial,
        p.coProduction ? h.coProduction : null,
        p.localisation ? h.localisation : null,
      ]
        .filter(Boolean)
        .join(", ");
    case "intelligence_cyber":
      return joined([p.intelligence ? h.intelligence : null, p.cyber ? h.cyber : null], h.intelligenceCyber);
    case "reconstruction_reform":
      return joined(
        [p.reconstruction ? h.reconstruction : null, p.reform ? h.reform : null],
        h.reconstructionReform,
      );
    case "capability_coalition":
      return h.coalition(h.roles[p.role], p.coalition);
    case "sanctions_response":
      return h.sanctions;
  }
}
