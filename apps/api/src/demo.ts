import type { OrganisationKind, Role } from "@commitments/core";
import { createOrganisation, createUser, type Db, listOrganisations } from "@commitments/db";

/** The demo accounts: one of each kind of organisation the tracker serves, every one marked demo. */
const demoAccounts: {
  organisation: { id: string; kind: OrganisationKind; name: string; party?: string };
  users: { email: string; name: string; roles: Role[] }[];
}[] = [
  {
    organisation: {
      id: "demo-gb-ministry",
      kind: "partner_ministry",
      name: "DEMO United Kingdom ministry",
      party: "GB",
    },
    users: [
      { email: "editor.gb@demo.invalid", name: "Demo editor (GB)", roles: ["ministry_editor"] },
      { email: "approver.gb@demo.invalid", name: "Demo approver (GB)", roles: ["ministry_approver"] },
    ],
  },
  {
    organisation: {
      id: "demo-ua-ministry",
      kind: "beneficiary_ministry",
      name: "DEMO Ukrainian ministry",
      party: "UA",
    },
    users: [{ email: "verifier.ua@demo.invalid", name: "Demo verifier (UA)", roles: ["recipient_verifier"] }],
  },
  {
    organisation: { id: "demo-ngo", kind: "ngo", name: "DEMO analysts NGO" },
    users: [{ email: "analyst@demo.invalid", name: "Demo analyst", roles: ["ngo_analyst"] }],
  },
];

/**
 * Creates the demo organisations and users, once, with the password the operator chose (DEMO_PASSWORD). Their
 * names say DEMO, their e-mail addresses are in the reserved .invalid domain, and they are flagged demo.
 */
export async function createDemoAccounts(db: Db, password: string): Promise<string[]> {
  const existing = new Set((await listOrganisations(db)).map((o) => o.id));
  const emails: string[] = [];
  for (const { organisation, users } of demoAccounts) {
    if (existing.has(organisation.id)) continue;
    await createOrganisation(db, { ...organisation, demo: true });
    for (const user of users) {
      await createUser(db, { ...user, organisationId: organisation.id, password, demo: true });
      emails.push(user.email);
    }
  }
  return emails;
}
