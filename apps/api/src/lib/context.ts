import type { Db } from "@commitments/db";
import type { Logger } from "./logger.ts";

/** What every handler finds on its context: the database, the request's id and the logger. */
export interface AppEnv {
  Variables: {
    db: Db;
    requestId: string;
    logger: Logger;
    /** Who is writing, set once the write token is checked; absent on reads. */
    actor: string;
    /** The digest of the server's write token, when one is configured. */
    writeTokenDigest: Buffer;
  };
}
