import type { Terms } from "./terms.ts";

/**
 * A dispute is open until the tracker's maintainers uphold it (the record should be corrected) or reject it, or
 * the disputing organisation withdraws it. The labels name the dispute, as they stand alone beside a figure.
 */
export const disputeStatuses = ["open", "upheld", "rejected", "withdrawn"] as const;

export const disputeStatusTerms: Terms<(typeof disputeStatuses)[number]> = {
  open: {
    en: {
      label: "Open dispute",
      description: "Shown beside the figure until the tracker's maintainers resolve it or it is withdrawn.",
    },
    uk: {
      label: "Відкрите оскарження",
      description:
        "Показується поруч із цифрою, доки команда трекера його не вирішить або його не відкличуть.",
    },
  },
  upheld: {
    en: { label: "Dispute upheld", description: "The record should be corrected." },
    uk: { label: "Оскарження задоволено", description: "Запис слід виправити." },
  },
  rejected: {
    en: { label: "Dispute rejected", description: "The record stands." },
    uk: { label: "Оскарження відхилено", description: "Запис залишається без змін." },
  },
  withdrawn: {
    en: { label: "Dispute withdrawn", description: "Withdrawn by the organisation that opened it." },
    uk: { label: "Оскарження відкликано", description: "Відкликано організацією, що його подала." },
  },
};
