import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { rowsOf } from "./entities.ts";

/**
 * How failed sign-ins to one account from one address slow the next attempt: the first `freeFailures` cost
 * nothing; each one after doubles the wait, from `baseDelaySeconds` up to `maxDelaySeconds`. Counted per account *and*
 * address, so guessing from one address slows that address only: the account holder, signing in from theirs, is
 * never locked out by someone else's failures.
 */
export interface SignInBackoff {
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

export type SignInClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Claims one sign-in attempt for an account from an address. Refused while the back-off of earlier failures
 * runs; otherwise the attempt is counted as a failure at once (so concurrent guesses each wait their turn under
 * the row's lock), and `forgetSignInFailures` takes it back when the password was right: a successful sign-in
 * never counts.
 */
export async function claimSignInAttempt(
  db: Db,
  email: string,
  address: string,
  { freeFailures, baseDelaySeconds, maxDelaySeconds }: SignInBackoff,
  now = Date.now(),
): Promise<SignInClaim> {
  const at = new Date(now).toISOString();
  // The wait after `failures` failures, in seconds; the exponent is capped so power() cannot overflow. Failures a
  // day old are forgotten (the count starts again), and a new row sweeps every such row.
  const wait = (failures: unknown) =>
    sql`least(${maxDelaySeconds}::float8,
      ${baseDelaySeconds}::float8 * power(2::float8, least(${failures} - ${freeFailures}, 40)))`;
  const stale = sql`sign_in_failures.last_failed_at < ${at}::timestamptz - interval '1 day'`;
  const claimed = rowsOf<{ failures: number }>(
    await db.execute(sql`insert into sign_in_failures (email, address, failures, last_failed_at)
      values (${email}, ${address}, 1, ${at})
      on conflict (email, address) do update set
        failures = case when ${stale} then 1 else sign_in_failures.failures + 1 end,
        last_failed_at = ${at}
      where ${stale} or sign_in_failures.failures < ${freeFailures}
        or sign_in_failures.last_failed_at + make_interval(secs => ${wait(sql`sign_in_failures.failures`)})
          <= ${at}::timestamptz
      returning failures`),
  );
  if (claimed[0]) {
    if (claimed[0].failures === 1) {
      await db.execute(
        sql`delete from sign_in_failures where last_failed_at < ${at}::timestamptz - interval '1 day'`,
      );
    }
    return { allowed: true };
  }
  const [row] = rowsOf<{ seconds: number }>(
    await db.execute(sql`select extract(epoch from last_failed_at
        + make_interval(secs => ${wait(sql`failures`)}) - ${at}::timestamptz)::float8 as seconds
      from sign_in_failures where email = ${email} and address = ${address}`),
  );
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(row?.seconds ?? 1)) };
}

/** A successful sign-in: the account's failures from this address, the attempt just claimed included, are gone. */
export async function forgetSignInFailures(db: Db, email: string, address: string): Promise<void> {
  await db.execute(sql`delete from sign_in_failures where email = ${email} and address = ${address}`);
}
