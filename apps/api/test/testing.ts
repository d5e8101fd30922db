import { randomBytes } from "node:crypto";
import type { OrganisationKind, Role, TokenScope } from "@commitments/core";
import {
  countChangeSets,
  createApiToken,
  createOrganisation,
  createUser,
  type Db,
  type DbOptions,
  loadDataset,
  type Organisation,
  type User,
} from "@commitments/db";
import { soleTestTarget, type TestDatabase, type TestTarget, testTargets } from "@commitments/db/testing";
import { referenceDataset } from "@commitments/reference";
import { testClient } from "hono/testing";
import { afterAll, beforeAll } from "vitest";
import { type AppOptions, createApp } from "../src/app.ts";

export { expectError, okJson } from "./expect-error.ts";
export { soleTestTarget, testTargets };

/** A signed-up organisation, one user with the given roles, and an API token of that user's. */
export interface TestAccount {
  organisation: Organisation;
  user: User;
  password: string;
  token: string;
  /** The Authorization header of the token. */
  headers: { authorization: string };
}

/** Creates an organisation, a user and a token for tests; passwords and tokens are random, never fixed. */
export async function createTestAccount(
  db: Db,
  o: { kind: OrganisationKind; name: string; party?: string; roles: Role[]; scopes?: TokenScope[] },
): Promise<TestAccount> {
  const organisation = await createOrganisation(db, { kind: o.kind, name: o.name, party: o.party });
  const password = randomBytes(18).toString("base64url");
  const user = await createUser(db, {
    organisationId: organisation.id,
    email: `${randomBytes(6).toString("hex")}@example.org`,
    name: `${o.name} user`,
    password,
    roles: o.roles,
  });
  const { token } = await createApiToken(db, {
    organisationId: organisation.id,
    name: "tests",
    scopes: o.scopes ?? ["read", "write"],
    createdBy: user.id,
  });
  return { organisation, user, password, token, headers: { authorization: `Bearer ${token}` } };
}

// The administrator's headers of each test app, for `send`.
const adminHeaders = new WeakMap<object, { authorization: string }>();

/** An app over a fresh database with the reference dataset loaded, for one describe block. */
export function useApp(
  target: TestTarget,
  {
    queryLogger,
    ...options
  }: Pick<
    AppOptions,
    "limits" | "logger" | "trustProxy" | "charts" | "importReaders" | "publicOrigin" | "webDistDir" | "mailer"
  > & {
    /** Sees every database query the app makes, with its parameters. */
    queryLogger?: DbOptions["logger"];
  } = {},
) {
  const context = {} as {
    app: ReturnType<typeof createApp>;
    client: ReturnType<typeof testClient<ReturnType<typeof createApp>>>;
    database: TestDatabase;
    /** The tracker's administrator, and the Authorization header of its token. */
    admin: TestAccount;
    authorised: { authorization: string };
    /** How many change sets the ledger holds: every write adds exactly one, every refusal none. */
    changeSets(): Promise<number>;
  };
  beforeAll(async () => {
    context.database = await target.open({ logger: queryLogger });
    await loadDataset(context.database.db, referenceDataset());
    context.app = createApp({ db: context.database.db, ...options });
    context.client = testClient(context.app);
    context.admin = await createTestAccount(context.database.db, {
      kind: "maintainers",
      name: "Maintainers",
      roles: ["administrator"],
    });
    context.authorised = context.admin.headers;
    adminHeaders.set(context.app, context.admin.headers);
    context.changeSets = () => countChangeSets(context.database.db);
  });
  afterAll(async () => {
    await context.database?.dispose();
  });
  return context;
}

type App = ReturnType<typeof createApp>;

/** A write as a client sends it: JSON, with the administrator's token unless `headers` says otherwise. */
export function send(
  app: App,
  method: "POST" | "PATCH",
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: { ...adminHeaders.get(app), "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** The ETag a signed-in GET of the record answers with now: the record's version (a public read's names the dataset's). */
export async function etagOf(app: App, path: string): Promise<string> {
  const response = await app.request(path, { headers: adminHeaders.get(app) ?? {} });
  const etag = response.headers.get("etag");
  if (response.status !== 200 || !etag)
    throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return etag;
}

/** A record's history as the API gives it: to the public, or to whoever `headers` authenticate. */
export async function historyOf(app: App, path: string, headers: Record<string, string> = {}) {
  const response = await app.request(`${path}/history`, { headers });
  if (response.status !== 200)
    throw new Error(`GET ${path}/history: ${response.status} ${await response.text()}`);
  return (
    (await response.json()) as {
      data: {
        versions: {
          version: number;
          action: string;
          actor: string;
          origin: string;
          reason: string | null;
          changeSet: number;
          status: string;
          proposal: string | null;
          changes: { field: string; before: unknown; after: unknown }[];
          record: Record<string, unknown>;
        }[];
        fields: Record<string, { value: unknown; version: number; recordedAt: string }[]>;
        remarks: {
          kind: string;
          id: string;
          action: string;
          actor: string;
          changeSet: number;
          record: Record<string, unknown>;
        }[];
      };
    }
  ).data;
}

/** Limits high enough for tests that send thousands of requests with one token from one address. */
export const unlimited: AppOptions["limits"] = {
  signInPerAddress: { limit: 1_000_000, windowSeconds: 60 },
  signInBackoff: { freeFailures: 1_000_000, baseDelaySeconds: 1, maxDelaySeconds: 1 },
  perToken: { limit: 1_000_000, windowSeconds: 60 },
};

/** A session opened through POST /v1/session over plain HTTP. */
export interface TestSession {
  /** The session token, from the Set-Cookie header. */
  sessionToken: string;
  csrfToken: string;
  /** The Cookie header to send it back. */
  cookie: string;
  /** The headers of a cookie-borne write: the cookie and the CSRF token. */
  headers: { cookie: string; "x-csrf-token": string };
}

/** Signs in with e-mail and password; fails the test unless sign-in succeeds. */
export async function signInAs(
  app: App,
  account: { user: { email: string }; password: string },
): Promise<TestSession> {
  const response = await app.request("/v1/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: account.user.email, password: account.password }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const sessionToken = response.headers
    .getSetCookie()
    .map((c) => /^ct_session=([^;]+)/.exec(c)?.[1])
    .find((t) => t !== undefined);
  const { data } = (await response.json()) as { data: { csrfToken: string | null } };
  if (!sessionToken || !data.csrfToken) throw new Error("sign-in set no session cookie or CSRF token");
  const cookie = `ct_session=${sessionToken}`;
  return {
    sessionToken,
    csrfToken: data.csrfToken,
    cookie,
    headers: { cookie, "x-csrf-token": data.csrfToken },
  };
}

/** A new person of an organisation, signed in: the headers their page's requests carry (cookie and CSRF token). */
export async function signedInPerson(
  app: App,
  db: Db,
  person: { organisationId: string; name: string; roles: Role[] },
): Promise<Record<string, string>> {
  const password = `${person.name}'s long password`;
  const email = `${person.name.toLowerCase().replace(/\W+/g, ".")}@${randomBytes(4).toString("hex")}.example.org`;
  const user = await createUser(db, { ...person, email, password });
  return (await signInAs(app, { user, password })).headers;
}
