import type { Actor } from "@commitments/core";
import type { Db, RateLimit, SignInBackoff } from "@commitments/db";
import type { ChartDrawing } from "./drawing/drawing.ts";
import type { ImportPool } from "./import-pool.ts";
import type { Logger } from "./logger.ts";
import type { ReadCache } from "./read-cache-store.ts";

/** Who is behind a request, once the session cookie or API token is checked. */
export interface Principal {
  actor: Actor;
  /** How the public history names them: the organisation, and the person or token. */
  label: string;
  organisationId: string;
  organisationName: string;
  userId?: string | undefined;
  tokenId?: string | undefined;
  /** Set when signed in with the session cookie: cookie-borne writes need the CSRF token too. */
  sessionToken?: string | undefined;
}

/** What every handler finds on its context: the database, the request's id, the logger and the principal. */
export interface AppEnv {
  Variables: {
    db: Db;
    requestId: string;
    logger: Logger;
    /** The signed-in user or API token; null for the public. */
    principal: Principal | null;
    /** The client's address, for rate limits and the auth log. */
    address: string;
    /** The origin absolute links name (PUBLIC_ORIGIN), never taken from the request. */
    publicOrigin: string;
    /** Whether X-Forwarded-* headers come from a trusted reverse proxy (TRUST_PROXY). */
    trustProxy: boolean;
    /** The rate limits in force. */
    limits: {
      /** Failed sign-ins one client address may make, across accounts. */
      signInPerAddress: RateLimit;
      /** How failed sign-ins to one account from one address slow the next attempt there. */
      signInBackoff: SignInBackoff;
      perToken: RateLimit;
      /** Requests without credentials, per client address. */
      anonymousPerAddress: RateLimit;
    };
    /** The largest file an import takes, in bytes (IMPORT_MAX_BYTES). */
    maxImportBytes: number;
    /** The threads that draw charts and the cache of drawn ones. */
    charts: ChartDrawing;
    /** The threads that read imported files. */
    importReaders: ImportPool;
    /** The notices this request's write added (lib/notices/record.ts), for e-mailing once it has committed. */
    noticesWritten: number[];
    /** The public answers kept, keyed by the dataset version; null keeps none. */
    readCache: ReadCache | null;
  };
}
