import { describe, expect, it } from "vitest";
import {
  type Action,
  type Actor,
  authorise,
  confidenceAllowed,
  maySee,
  type Role,
  rolesByOrganisationKind,
  tokenRoles,
} from "./access.ts";

const actor = (roles: Role[], party?: string, tokenScopes?: Actor["tokenScopes"]): Actor => ({
  userId: "u1",
  organisation: { id: "org", kind: "partner_ministry", party },
  roles,
  tokenScopes,
});
const editorGB = actor(["ministry_editor"], "GB");
const approverGB = actor(["ministry_approver"], "GB");
const verifierUA = actor(["recipient_verifier"], "UA");
const analyst = actor(["ngo_analyst"]);
const admin = actor(["administrator"]);

const recordActions: Action[] = ["record.create", "record.update", "record.retract", "record.submit"];

describe("authorise", () => {
  it("lets nobody signed out do anything", () => {
    for (const action of [...recordActions, "dispute.open", "annotation.create"] as Action[]) {
      expect(authorise(null, action, { donor: "GB" }).allowed).toBe(false);
    }
  });

  it("lets a ministry editor change its own organisation's drafts of its own donor, and never another's", () => {
    for (const action of recordActions) {
      const own = { donor: "GB", status: "draft", organisation: "org" } as const;
      expect(authorise(editorGB, action, own)).toEqual({ allowed: true });
      const foreign = authorise(editorGB, action, { ...own, donor: "FR" });
      expect(foreign.allowed).toBe(false);
    }
    // Another ministry of the same country neither edits, retracts nor submits the drafts it did not write.
    for (const action of ["record.update", "record.retract", "record.submit"] as Action[]) {
      const theirs = authorise(editorGB, action, { donor: "GB", status: "draft", organisation: "other" });
      expect(theirs).toEqual({
        allowed: false,
        reason: "a ministry changes its own organisation's drafts only",
      });
    }
    expect(authorise(editorGB, "record.publish", { donor: "GB", status: "submitted" }).allowed).toBe(false);
    expect(authorise(editorGB, "dispute.resolve", { donor: "GB" }).allowed).toBe(false);
  });

  it("has a ministry propose changes to published records, for its own approver to publish", () => {
    const published = { donor: "GB", status: "published", organisation: "other" } as const;
    expect(authorise(editorGB, "record.propose", published)).toEqual({ allowed: true });
    expect(authorise(editorGB, "record.propose", { ...published, donor: "FR" }).allowed).toBe(false);
    expect(authorise(editorGB, "record.propose", { ...published, status: "draft" }).allowed).toBe(false);
    // Only the tracker's administrators change a published record directly.
    expect(authorise(editorGB, "record.correct", published).allowed).toBe(false);
    expect(authorise(editorGB, "record.retract", published).allowed).toBe(false);
    expect(authorise(admin, "record.correct", published).allowed).toBe(true);
    const proposal = { donor: "GB", status: "submitted", organisation: "org" } as const;
    expect(authorise(approverGB, "proposal.publish", proposal).allowed).toBe(true);
    expect(authorise(approverGB, "proposal.return", proposal).allowed).toBe(true);
    expect(authorise(approverGB, "proposal.publish", { ...proposal, organisation: "other" }).allowed).toBe(
      false,
    );
    expect(authorise(approverGB, "proposal.publish", { ...proposal, status: "published" }).allowed).toBe(
      false,
    );
    expect(authorise(editorGB, "proposal.publish", proposal).allowed).toBe(false);
    const token = actor(tokenRoles(["ministry_editor", "ministry_approver"]), "GB", ["read", "write"]);
    expect(authorise(token, "proposal.publish", proposal).allowed).toBe(false);
  });

  it("leaves a publisher's figures to its next release: a ministry disputes them, never changes them", () => {
    const kiel = {
      donor: "GB",
      organisation: "ministry-gb",
      status: "published" as const,
      sourceDataset: "kiel" as const,
    };
    for (const action of ["record.propose", "record.retract", "record.update", "record.create"] as const) {
      expect(authorise(editorGB, action, kiel)).toMatchObject({
        allowed: false,
        reason: expect.stringContaining("next release"),
      });
    }
    expect(authorise(editorGB, "import.run", { donor: "GB", sourceDataset: "sipri" }).allowed).toBe(false);
    expect(authorise(editorGB, "dispute.open", kiel).allowed).toBe(true);
    expect(authorise(editorGB, "record.propose", { ...kiel, sourceDataset: "tracker" }).allowed).toBe(true);
    expect(authorise(admin, "record.propose", kiel).allowed).toBe(true);
  });

  it("lets an approver publish its own organisation's submitted drafts only", () => {
    const own = { donor: "GB", status: "submitted", organisation: "org" } as const;
    expect(authorise(approverGB, "record.publish", own).allowed).toBe(true);
    expect(authorise(approverGB, "record.return", own).allowed).toBe(true);
    expect(
      authorise(approverGB, "record.publish", { ...own, organisation: "other-gb-ministry" }).allowed,
    ).toBe(false);
    expect(authorise(approverGB, "record.publish", { donor: "GB", status: "submitted" }).allowed).toBe(false);
    expect(authorise(approverGB, "record.publish", { donor: "GB", status: "draft" }).allowed).toBe(false);
    expect(authorise(approverGB, "record.publish", { donor: "FR", status: "submitted" }).allowed).toBe(false);
    expect(authorise(approverGB, "record.create", { donor: "GB" }).allowed).toBe(false);
  });

  it("routes published records through correction, not editing", () => {
    const own = { donor: "GB", organisation: "org" } as const;
    expect(authorise(editorGB, "record.update", { ...own, status: "published" }).allowed).toBe(false);
    expect(authorise(editorGB, "record.propose", { ...own, status: "published" }).allowed).toBe(true);
    expect(authorise(editorGB, "record.propose", { ...own, status: "draft" }).allowed).toBe(false);
  });

  it("shows unpublished records and proposals to the organisation that wrote them only", () => {
    expect(maySee(null, { status: "published", organisation: "other" })).toBe(true);
    expect(maySee(null, { status: "draft", organisation: "org" })).toBe(false);
    expect(maySee(editorGB, { status: "submitted", organisation: "org" })).toBe(true);
    expect(maySee(editorGB, { status: "draft", organisation: "other-gb-ministry" })).toBe(false);
    expect(maySee(editorGB, { status: "returned", organisation: "other-gb-ministry" })).toBe(false);
    expect(maySee(admin, { status: "draft", organisation: "other-gb-ministry" })).toBe(true);
  });

  it("lets only the disputing organisation withdraw its dispute, and people manage their own tokens", () => {
    expect(authorise(analyst, "dispute.withdraw", { organisation: "org" }).allowed).toBe(true);
    expect(authorise(analyst, "dispute.withdraw", { organisation: "other" }).allowed).toBe(false);
    expect(authorise(editorGB, "token.manage", { organisation: "org" }).allowed).toBe(true);
    expect(authorise(editorGB, "token.manage", { organisation: "other" }).allowed).toBe(false);
    const token = actor(["ministry_editor"], "GB", ["read", "write"]);
    expect(authorise(token, "token.manage", { organisation: "org" }).allowed).toBe(false);
  });

  it("lets verifiers confirm deliveries to their own country, analysts annotate and dispute", () => {
    expect(authorise(verifierUA, "delivery.confirm", { recipient: "UA" }).allowed).toBe(true);
    expect(authorise(verifierUA, "delivery.confirm", { recipient: "MD" }).allowed).toBe(false);
    expect(authorise(editorGB, "delivery.confirm", { recipient: "UA" }).allowed).toBe(false);
    expect(authorise(analyst, "annotation.create").allowed).toBe(true);
    expect(authorise(analyst, "dispute.open", { donor: "FR" }).allowed).toBe(true);
    expect(authorise(analyst, "record.create", { donor: "FR" }).allowed).toBe(false);
  });

  it("keeps read-only tokens from writing, whatever the organisation's roles", () => {
    const token = actor(["ministry_editor"], "GB", ["read"]);
    expect(authorise(token, "record.create", { donor: "GB" })).toEqual({
      allowed: false,
      reason: "this API token may only read",
    });
    expect(
      authorise(actor(["ministry_editor"], "GB", ["read", "write"]), "record.create", { donor: "GB" })
        .allowed,
    ).toBe(true);
  });

  it("reserves dispute resolution, rates and organisations to administrators", () => {
    for (const action of [
      "dispute.resolve",
      "reference.edit",
      "rates.load",
      "organisation.manage",
    ] as Action[]) {
      expect(authorise(admin, action).allowed).toBe(true);
      expect(authorise(editorGB, action, { donor: "GB" }).allowed).toBe(false);
    }
  });

  it("hands out roles only where an organisation's kind allows them", () => {
    expect(rolesByOrganisationKind.newsroom).toEqual([]);
    expect(rolesByOrganisationKind.partner_ministry).not.toContain("recipient_verifier");
  });

  it("never lets a token publish: uploads pass a person's approval", () => {
    expect(tokenRoles(["ministry_editor", "ministry_approver"])).toEqual(["ministry_editor"]);
  });
});

describe("confidenceAllowed", () => {
  it("lets a donor report or estimate, never confirm or verify its own figures", () => {
    expect(confidenceAllowed(editorGB, "reported_by_donor")).toBe(true);
    expect(confidenceAllowed(editorGB, "confirmed_by_recipient")).toBe(false);
    expect(confidenceAllowed(editorGB, "independently_verified")).toBe(false);
    expect(confidenceAllowed(verifierUA, "confirmed_by_recipient")).toBe(true);
    expect(confidenceAllowed(admin, "independently_verified")).toBe(true);
    expect(confidenceAllowed(admin, "disputed")).toBe(false);
  });
});
