import {
  createHash,
  randomBytes,
  randomUUID,
  type ScryptOptions,
  scrypt,
  timingSafeEqual,
} from "node:crypto";
import { OrganisationKind, Role, rolesByOrganisationKind, TokenScope, tokenRoles } from "@commitments/core";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { apiTokens, authEvents, organisations, sessions, users } from "./schema.ts";

/*
 * Accounts: organisations, their users, sign-in sessions and API tokens. Plain `(db, params)` functions; the API
 * decides who may call them. Secrets never reach the database or a log in clear: passwords are stored as scrypt
 * hashes, session and API tokens as SHA-256 digests, and the clear token is returned once, to whoever created it.
 */

export type AccountErrorCode = "INVALID" | "WEAK_PASSWORD" | "ROLE_NOT_ALLOWED" | "EMAIL_TAKEN" | "NOT_FOUND";

/** A request the account store refuses; nothing of it was written. The message never contains a secret. */
export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type Organisation = typeof organisations.$inferSelect;
/** A user as callers see it: never the password hash. */
export type User = Omit<typeof users.$inferSelect, "passwordHash" | "roles"> & { roles: Role[] };

// --- Passwords ---------------------------------------------------------------------------------------------

/** scrypt with N = 2^15, r = 8: 32 MiB and tens of milliseconds per guess (OWASP's minimum is N = 2^17 / r = 8 / p = 1 at 128 MiB; 2^15 keeps sign-in cheap on a small server while staying memory-hard). */
const scryptParams = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;
const minPasswordLength = 12;
// scrypt's cost does not depend on the password's length, but hashing megabytes is pointless and a bound is cheap.
const maxPasswordLength = 1024;

function scryptAsync(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  // Node refuses by default anything over 32 MiB; scrypt needs 128 · N · r bytes, so leave headroom.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Why a password is refused, or null when it is acceptable. Shared by the API and the create-admin script. */
export function passwordProblem(password: string): string | null {
  if (password.length < minPasswordLength) return `a password needs at least ${minPasswordLength} characters`;
  if (password.length > maxPasswordLength)
    return `a password may have at most ${maxPasswordLength} characters`;
  if (new Set(password).size < 4) return "a password needs more than three different characters";
  return null;
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = scryptParams;
  const key = await scryptAsync(password, salt, scryptParams);
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Whether a password matches a stored hash, compared in constant time. A malformed hash matches nothing. */
export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scryptAsync(password, Buffer.from(salt, "base64url"), { N: +n, r: +r, p: +p });
  return expected.length === key.length && timingSafeEqual(expected, key);
}

// --- Organisations and users -------------------------------------------------------------------------------

export interface NewOrganisation {
  id?: string | undefined;
  kind: OrganisationKind;
  name: string;
  /** The donor or recipient party a ministry speaks for; required for ministries. */
  party?: string | undefined;
  demo?: boolean | undefined;
}

export async function createOrganisation(db: Db, params: NewOrganisation): Promise<Organisation> {
  const kind = OrganisationKind.parse(params.kind);
  const name = params.name.trim();
  if (!name) throw new AccountError("INVALID", "an organisation needs a name");
  if ((kind === "partner_ministry" || kind === "beneficiary_ministry") && !params.party) {
    throw new AccountError("INVALID", "a ministry must name the party it speaks for");
  }
  const [row] = await db
    .insert(organisations)
    .values({
      id: params.id ?? randomUUID(),
      kind,
      name,
      party: params.party ?? null,
      demo: params.demo ?? false,
    })
    .returning();
  if (!row) throw new Error("no organisation was created");
  return row;
}

/** The oldest organisation of a kind, or null: how the create-admin script finds the maintainers. */
export async function firstOrganisationOfKind(db: Db, kind: OrganisationKind): Promise<Organisation | null> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.kind, kind))
    .orderBy(organisations.createdAt, organisations.id)
    .limit(1);
  return row ?? null;
}

export interface NewUser {
  organisationId: string;
  email: string;
  /** The person's name, shown next to what they record. */
  name: string;
  password: string;
  roles: readonly Role[];
  demo?: boolean | undefined;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a user; each role must be one the organisation's kind may hand out (a newsroom never edits). */
export async function createUser(db: Db, params: NewUser): Promise<User> {
  const email = normaliseEmail(params.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new AccountError("INVALID", "not an e-mail address");
  const name = params.name.trim();
  if (!name) throw new AccountError("INVALID", "a user needs a name");
  const problem = passwordProblem(params.password);
  if (problem) throw new AccountError("WEAK_PASSWORD", problem);
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, params.organisationId));
  if (!organisation) throw new AccountError("NOT_FOUND", "no such organisation");
  const allowed = rolesByOrganisationKind[organisation.kind];
  for (const role of params.roles) {
    if (!Role.safeParse(role).success || !allowed.includes(role)) {
      throw new AccountError("ROLE_NOT_ALLOWED", `a ${organisation.kind} may not hand out the role ${role}`);
    }
  }
  const passwordHash = await hashPassword(params.password);
  const [row] = await db
    .insert(users)
    .values({
      id: randomUUID(),
      organisationId: organisation.id,
      email,
      name,
      passwordHash,
      roles: [...new Set(params.roles)],
      demo: params.demo ?? false,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!row) throw new AccountError("EMAIL_TAKEN", "that e-mail address already has an account");
  return publicUser(row);
}

function publicUser(row: typeof users.$inferSelect): User {
  const { passwordHash: _, ...rest } = row;
  return { ...rest, roles: row.roles as Role[] };
}

/**
 * The user with this e-mail and password, or null. A missing or disabled user costs the same scrypt time as a
 * wrong password, so response times do not tell which addresses have accounts.
 */
export async function verifyPassword(
  db: Db,
  params: { email: string; password: string },
): Promise<{ user: User; organisation: Organisation } | null> {
  const [found] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, normaliseEmail(params.email)));
  if (!found || params.password.length > maxPasswordLength) {
    await scryptAsync(params.password.slice(0, maxPasswordLength), randomBytes(16), scryptParams);
    return null;
  }
  const matches = await passwordMatches(params.password, found.user.passwordHash);
  if (!matches || found.user.disabledAt) return null;
  return { user: publicUser(found.user), organisation: found.organisation };
}

/**
 * The enabled user with this e-mail and their organisation, or null: for tools run on the server itself (the import
 * command line), which act for a user without a password. Never for sign-in.
 */
export async function userByEmail(
  db: Db,
  email: string,
): Promise<{ user: User; organisation: Organisation } | null> {
  const [found] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.email, normaliseEmail(email)), isNull(users.disabledAt)));
  return found ? { user: publicUser(found.user), organisation: found.organisation } : null;
}

// --- Sessions ----------------------------------------------------------------------------------------------

const defaultSessionMs = 12 * 60 * 60 * 1000;

/** The stored form of a token: tokens are 256 random bits, so a fast hash is enough (no guessing to slow down). */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Opens a session; the token is returned here once and only its digest is kept. */
export async function createSession(
  db: Db,
  params: { userId: string; ttlMs?: number | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + (params.ttlMs ?? defaultSessionMs));
  await db.insert(sessions).values({ id: tokenDigest(token), userId: params.userId, expiresAt });
  return { token, expiresAt };
}

/** The signed-in user behind a session token, or null if it is unknown, expired, revoked or the user disabled. */
export async function sessionUser(
  db: Db,
  token: string,
): Promise<{ user: User; organisation: Organisation; sessionExpiresAt: Date } | null> {
  const id = tokenDigest(token);
  const [found] = await db
    .select({ user: users, organisation: organisations, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(sessions.id, id),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  if (!found) return null;
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  return {
    user: publicUser(found.user),
    organisation: found.organisation,
    sessionExpiresAt: found.expiresAt,
  };
}

/** Signs out one session (the current one). */
export async function revokeSession(db: Db, token: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, tokenDigest(token)), isNull(sessions.revokedAt)));
}

/** "Sign out everywhere": revokes every open session of the user; returns how many. */
export async function revokeAllSessions(db: Db, userId: string): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

// --- API tokens --------------------------------------------------------------------------------------------

export interface ApiTokenInfo {
  id: string;
  organisationId: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Issues an API token `ct_<base64url>` for an organisation; the token is returned here once, stored hashed. */
export async function createApiToken(
  db: Db,
  params: {
    organisationId: string;
    name: string;
    scopes: readonly TokenScope[];
    /** The user the token acts for: it carries that user's roles, and dies with that user's account. */
    createdBy: string;
    expiresAt?: Date | undefined;
  },
): Promise<{ token: string; info: ApiTokenInfo }> {
  const name = params.name.trim();
  if (!name) throw new AccountError("INVALID", "a token needs a name");
  if (params.scopes.length === 0) throw new AccountError("INVALID", "a token needs at least one scope");
  const scopes = [...new Set(params.scopes.map((s) => TokenScope.parse(s)))];
  const token = `ct_${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      id: randomUUID(),
      organisationId: params.organisationId,
      name,
      tokenHash: tokenDigest(token),
      prefix: token.slice(0, 8),
      scopes,
      createdBy: params.createdBy,
      expiresAt: params.expiresAt ?? null,
    })
    .returning();
  if (!row) throw new Error("no token was created");
  return { token, info: tokenInfo(row) };
}

function tokenInfo(row: typeof apiTokens.$inferSelect): ApiTokenInfo {
  const { tokenHash: _, ...rest } = row;
  return { ...rest, scopes: row.scopes as TokenScope[] };
}

/** Whether a string has the shape of one of our API tokens; anything else is refused before a database look-up. */
export function looksLikeApiToken(token: string): boolean {
  return /^ct_[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * The organisation, scopes and roles behind an API token, or null if it is unknown, expired or revoked, or its
 * creator's account was disabled. A token acts with its creator's current roles, less approval (`tokenRoles`).
 */
export async function authenticateToken(
  db: Db,
  token: string,
): Promise<{
  tokenId: string;
  name: string;
  organisation: Organisation;
  scopes: TokenScope[];
  roles: Role[];
  createdBy: string;
} | null> {
  if (!looksLikeApiToken(token)) return null;
  const [found] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      organisation: organisations,
      creator: { id: users.id, roles: users.roles },
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenDigest(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        isNull(users.disabledAt),
      ),
    );
  if (!found) return null;
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, found.id));
  return {
    tokenId: found.id,
    name: found.name,
    organisation: found.organisation,
    scopes: found.scopes as TokenScope[],
    roles: tokenRoles(found.creator.roles as Role[]),
    createdBy: found.creator.id,
  };
}

/** Revokes a token of the given organisation; false if it has no such open token (another's token included). */
export async function revokeApiToken(
  db: Db,
  params: { id: string; organisationId: string },
): Promise<boolean> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, params.id),
        eq(apiTokens.organisationId, params.organisationId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}

/** An organisation's tokens, newest first, revoked ones included; never their hashes. */
export async function listApiTokens(db: Db, organisationId: string): Promise<ApiTokenInfo[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.createdAt), apiTokens.id);
  return rows.map(tokenInfo);
}

// --- Auth events -------------------------------------------------------------------------------------------

export type AuthEventKind =
  | "sign_in_failed"
  | "signed_in"
  | "signed_out"
  | "token_refused"
  | "forbidden"
  | "rate_limited"
  | "sessions_revoked"
  | "token_created"
  | "token_revoked";

/**
 * Records a sign-in or access event. Takes a token's prefix, never the token: pass `tokenPrefix(token)`.
 * Free text is capped so a hostile client cannot fill the table with one request.
 */
export async function recordAuthEvent(
  db: Db,
  params: {
    kind: AuthEventKind;
    email?: string | undefined;
    tokenPrefix?: string | undefined;
    address?: string | undefined;
    detail?: string | undefined;
  },
): Promise<void> {
  const cap = (value: string | undefined, length: number) =>
    value === undefined ? null : value.slice(0, length);
  await db.insert(authEvents).values({
    kind: params.kind,
    email: cap(params.email === undefined ? undefined : normaliseEmail(params.email), 320),
    tokenPrefix: cap(params.tokenPrefix, 8),
    address: cap(params.address, 64),
    detail: cap(params.detail, 500),
  });
}

/** The part of a presented token that may be logged: its first 8 characters, as shown in the token list. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 8);
}

// --- Administration ----------------------------------------------------------------------------------------

export async function listOrganisations(db: Db, id?: string): Promise<Organisation[]> {
  return db
    .select()
    .from(organisations)
    .where(id === undefined ? undefined : eq(organisations.id, id))
    .orderBy(organisations.name, organisations.id);
}

export async function getOrganisation(db: Db, id: string): Promise<Organisation | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** An organisation's users, never their password hashes. */
export async function listUsers(db: Db, organisationId: string): Promise<User[]> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(users.email);
  return rows.map(publicUser);
}

/** Disables a user: sessions end at once, and the tokens they created stop working. */
export async function disableUser(db: Db, userId: string): Promise<User | null> {
  const [row] = await db
    .update(users)
    .set({ disabledAt: sql`now()` })
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .returning();
  if (!row) return null;
  await revokeAllSessions(db, userId);
  return publicUser(row);
}

/** Changes a password after checking the current one; every session of the user ends (sign in again). */
export async function changePassword(
  db: Db,
  params: { userId: string; current: string; next: string },
): Promise<boolean> {
  const [row] = await db.select().from(users).where(eq(users.id, params.userId));
  if (!row || !(await passwordMatches(params.current, row.passwordHash))) return false;
  const problem = passwordProblem(params.next);
  if (problem) throw new AccountError("WEAK_PASSWORD", problem);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(params.next) })
    .where(eq(users.id, params.userId));
  await revokeAllSessions(db, params.userId);
  return true;
}
