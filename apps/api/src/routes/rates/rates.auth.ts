import type { MiddlewareHandler } from "hono";
import { allow, principalOf } from "../../lib/auth/authorise.ts";
import { writeSecurity } from "../../lib/auth/schemes.ts";
import type { AppEnv } from "../../lib/context.ts";

/** Rate loads change every converted figure, so only the tracker's administrators may make them. */
export const requireRatesLoader: MiddlewareHandler<AppEnv> = async (c, next) => {
  allow(principalOf(c), "rates.load");
  await next();
};
export const ratesWriteSecurity = writeSecurity;
