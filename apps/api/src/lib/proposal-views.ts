import { Proposal } from "@commitments/core";
import { type Db, organisationNames, proposalSteps, type Versioned } from "@commitments/db";
import { z } from "@hono/zod-openapi";
import { OrganisationRef } from "./remarks.ts";
import { VersionMeta, withVersion } from "./representation.ts";

/** Who took a step of a proposal (the change set's actor), when, and why. */
const Step = z
  .object({
    by: z
      .string()
      .openapi({ description: "The organisation and person or token, as the history names them." }),
    at: z.iso.datetime(),
    reason: z.string().nullable(),
  })
  .openapi("ProposalStep");

export const ProposalView = Proposal.safeExtend(VersionMeta)
  .safeExtend({
    by: OrganisationRef.openapi({ description: "The proposing organisation." }),
    proposed: Step,
    decided: Step.nullable().openapi({
      description: "Who published or returned it, when and why; null while it waits.",
    }),
  })
  .openapi("ProposalView");
export type ProposalView = z.infer<typeof ProposalView>;

/** Proposals as the API shows them: who proposed, who decided, the proposing organisation named. */
export async function proposalViews(db: Db, items: readonly Versioned<Proposal>[]): Promise<ProposalView[]> {
  const [steps, names] = await Promise.all([
    proposalSteps(db, items),
    organisationNames(
      db,
      items.map((item) => item.record.organisation),
    ),
  ]);
  return items.map((item) => {
    const step = steps.get(item.record.id);
    if (!step) throw new Error(`proposal "${item.record.id}" has no change sets`);
    const shown = (s: NonNullable<typeof step.decided>, reason: string | null) => ({
      by: s.by,
      at: s.at.toISOString(),
      reason,
    });
    return {
      ...withVersion(item),
      by: names.get(item.record.organisation) ?? {
        id: item.record.organisation,
        name: item.record.organisation,
        kind: "unknown",
      },
      proposed: shown(step.proposed, item.record.reason),
      decided: step.decided && shown(step.decided, item.record.decision ?? null),
    };
  });
}
