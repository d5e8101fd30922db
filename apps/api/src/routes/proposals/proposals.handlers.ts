import * as queries from "@commitments/db";
import { isAdministrator, principalOf } from "../../lib/auth/authorise.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { proposalViews } from "../../lib/proposal-views.ts";
import { decide, type ProposalResources, visibleProposal } from "../../lib/proposals.ts";
import { everything, readMeta } from "../../lib/representation.ts";
import { events, tranches } from "../../resources/commitment-parts.ts";
import { commitments } from "../../resources/commitments.ts";
import type { decideProposal, getProposal, listProposals } from "./proposals.routes.ts";

const resources = {
  commitment: commitments,
  tranche: tranches,
  event: events,
} as unknown as ProposalResources;

export const list: AppRouteHandler<typeof listProposals> = async (c) => {
  const principal = principalOf(c);
  const { cursor, limit, ...filters } = c.req.valid("query");
  const db = c.get("db");
  const organisation = isAdministrator(principal.actor) ? undefined : principal.organisationId;
  const page = await queries.listProposals(db, { ...filters, organisation }, { after: cursor, limit });
  return c.json(
    {
      data: await proposalViews(db, page.items),
      page: { next: page.next, limit },
      meta: await readMeta(db, undefined),
    },
    200,
  );
};

export const get: AppRouteHandler<typeof getProposal> = async (c) => {
  const { id } = c.req.valid("param");
  const db = c.get("db");
  const proposal = await visibleProposal(db, c.get("principal"), id);
  const { target } = proposal.record;
  const record = await queries.getRecord(db, resources[target.kind].entity, target.id, undefined, everything);
  if (!record) throw new Error(`proposal "${id}" speaks of no ${target.kind} "${target.id}"`);
  const [view] = await proposalViews(db, [proposal]);
  if (!view) throw new Error(`no representation of proposal "${id}"`);
  c.header("ETag", `"${proposal.version}"`);
  return c.json(
    {
      data: {
        proposal: view,
        published: { version: record.version, retracted: record.retracted, record: record.record },
        changes: proposal.record.record ? queries.diff(record.record, proposal.record.record) : [],
        current: record.version === proposal.record.baseVersion && !record.retracted,
      },
      meta: await readMeta(db, undefined),
    },
    200,
  );
};

export const status: AppRouteHandler<typeof decideProposal> = async (c) => {
  const { id } = c.req.valid("param");
  const response = await decide(c, resources, id, c.req.valid("json"));
  for (const [name, value] of Object.entries(response.headers)) c.header(name, value);
  return c.json(JSON.parse(response.body), 200);
};
