import { randomBytes } from "node:crypto";
import * as accounts from "@commitments/db";
import { allow, isAdministrator, principalOf } from "../../lib/auth/authorise.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type {
  createOrganisation,
  createUser,
  disableUser,
  listOrganisations,
  listUsers,
} from "./organisations.routes.ts";

const organisationView = (o: accounts.Organisation) => ({ ...o, createdAt: o.createdAt.toISOString() });
const userView = (u: accounts.User) => ({
  id: u.id,
  organisationId: u.organisationId,
  email: u.email,
  name: u.name,
  roles: u.roles,
  demo: u.demo,
  disabledAt: u.disabledAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

/** The account store's refusals in the error contract, naming the field at fault. */
function refusing(error: unknown): never {
  if (!(error instanceof accounts.AccountError)) throw error;
  const field = {
    INVALID: "party",
    WEAK_PASSWORD: "password",
    ROLE_NOT_ALLOWED: "roles",
    EMAIL_TAKEN: "email",
  }[error.code as "INVALID"];
  const code =
    error.code === "EMAIL_TAKEN" ? "CONFLICT" : error.code === "NOT_FOUND" ? "NOT_FOUND" : "UNPROCESSABLE";
  throw new ApiError(
    code,
    error.message,
    field ? [{ location: "json", path: field, message: error.message }] : undefined,
  );
}

export const list: AppRouteHandler<typeof listOrganisations> = async (c) => {
  const principal = principalOf(c);
  const own = isAdministrator(principal.actor) ? undefined : principal.organisationId;
  const rows = await accounts.listOrganisations(c.get("db"), own);
  return c.json({ data: rows.map(organisationView) }, 200);
};

export const create: AppRouteHandler<typeof createOrganisation> = async (c) => {
  allow(principalOf(c), "organisation.manage");
  const body = c.req.valid("json");
  const created = await accounts.createOrganisation(c.get("db"), body).catch(refusing);
  return c.json({ data: organisationView(created) }, 201);
};

export const users: AppRouteHandler<typeof listUsers> = async (c) => {
  const principal = principalOf(c);
  const { id } = c.req.valid("param");
  if (id !== principal.organisationId) allow(principal, "organisation.manage");
  if (!(await accounts.getOrganisation(c.get("db"), id)))
    throw new ApiError("NOT_FOUND", `No organisation "${id}"`);
  return c.json({ data: (await accounts.listUsers(c.get("db"), id)).map(userView) }, 200);
};

export const addUser: AppRouteHandler<typeof createUser> = async (c) => {
  allow(principalOf(c), "organisation.manage");
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  // A generated password: 24 characters of base64url, about 144 bits.
  const initialPassword = body.password === undefined ? randomBytes(18).toString("base64url") : null;
  const user = await accounts
    .createUser(c.get("db"), {
      organisationId: id,
      email: body.email,
      name: body.name,
      roles: body.roles,
      password: body.password ?? (initialPassword as string),
    })
    .catch(refusing);
  return c.json({ data: { ...userView(user), initialPassword } }, 201);
};

export const disable: AppRouteHandler<typeof disableUser> = async (c) => {
  allow(principalOf(c), "organisation.manage");
  const { id } = c.req.valid("param");
  const user = await accounts.disableUser(c.get("db"), id);
  if (!user) throw new ApiError("NOT_FOUND", `No active user "${id}"`);
  return c.json({ data: userView(user) }, 200);
};
