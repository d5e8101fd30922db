import type { WorkflowStatus } from "@commitments/core";
import { addNotice, changeSetUser, type Db, type NoticeInput } from "@commitments/db";
import type { Context } from "hono";
import type { AppEnv } from "../context.ts";

/*
 * Notices are written inside the write's own transaction (see packages/db/src/notices.ts for why). Their ids are
 * kept on the request so that, once the write has committed, the mailer can e-mail them: ids of a rolled-back
 * attempt name no row, so nothing is ever sent for a write that did not happen.
 */
export async function notify(c: Context<AppEnv>, tx: Db, input: NoticeInput): Promise<void> {
  const id = await addNotice(tx, input);
  c.get("noticesWritten")?.push(id);
}

/** Whose work a step decides on: the person who wrote the version, or, for a token's or process's, its editors. */
async function authorOf(tx: Db, changeSetId: number) {
  const userId = await changeSetUser(tx, changeSetId);
  return userId ? { userId } : { roles: ["ministry_editor"] };
}

/**
 * The notice of a workflow step: a submission reaches the organisation's approvers; a return or a publication
 * reaches whoever wrote the version decided on, with the approver's reason.
 */
export async function notifyStep(
  c: Context<AppEnv>,
  tx: Db,
  step: {
    record: { kind: string; id: string };
    organisationId: string | null;
    to: WorkflowStatus;
    /** The change set of the version the step moved on from. */
    decidedOn: number;
    changeSetId: number;
    reason: string | undefined;
  },
): Promise<void> {
  if (!step.organisationId) return;
  const common = {
    changeSetId: step.changeSetId,
    record: step.record,
    organisationId: step.organisationId,
    reason: step.reason ?? null,
  };
  if (step.to === "submitted") {
    await notify(c, tx, { ...common, kind: "submitted", roles: ["ministry_approver"] });
    return;
  }
  const kind = step.to === "published" ? "published" : "returned";
  await notify(c, tx, { ...common, kind, ...(await authorOf(tx, step.decidedOn)) });
}

/** The notice of a decided proposal, to whoever proposed it, with the approver's reason. */
export async function notifyProposalDecision(
  c: Context<AppEnv>,
  tx: Db,
  decision: {
    target: { kind: string; id: string };
    organisationId: string;
    status: "published" | "returned";
    proposedIn: number;
    changeSetId: number;
    reason: string;
  },
): Promise<void> {
  await notify(c, tx, {
    changeSetId: decision.changeSetId,
    kind: decision.status === "published" ? "proposal_published" : "proposal_returned",
    record: decision.target,
    organisationId: decision.organisationId,
    reason: decision.reason,
    ...(await authorOf(tx, decision.proposedIn)),
  });
}
