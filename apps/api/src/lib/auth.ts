import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";

/** The actor recorded on change sets written with the shared write token, until accounts exist. */
export const tokenActor = "api-token";

/** The OpenAPI security scheme of writes. */
export const bearerScheme = {
  type: "http",
  scheme: "bearer",
  description: "The server's API_WRITE_TOKEN. Reads need no credentials.",
} as const;
export const writeSecurity = [{ writeToken: [] }];

// Compared as digests: equal lengths for timingSafeEqual, and no timing hint of the token's length.
const digest = (value: string) => createHash("sha256").update(value).digest();

/** Makes the server's write token (its digest; never the token itself) known to the write routes. */
export function provideWriteToken(token: string | undefined): MiddlewareHandler<AppEnv> {
  const expected = token === undefined ? undefined : digest(token);
  return async (c, next) => {
    if (expected) c.set("writeTokenDigest", expected);
    await next();
  };
}

/**
 * Every write route runs this before anything else: `Authorization: Bearer <token>` must carry the server's
 * write token. Reads, and computations such as the classifier, stay public.
 */
export const requireWriter: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.get("writeTokenDigest");
  if (!expected) {
    throw new ApiError("FORBIDDEN", "Writes are disabled until API_WRITE_TOKEN is set on the server");
  }
  const header = c.req.header("authorization");
  const given = header === undefined ? undefined : /^Bearer +(\S+) *$/i.exec(header)?.[1];
  if (given === undefined) {
    c.header("WWW-Authenticate", 'Bearer realm="commitments-tracker"');
    throw new ApiError("UNAUTHORIZED", "Writes need an Authorization: Bearer <token> header", [
      { location: "header", path: "authorization", message: header ? "expected Bearer <token>" : "missing" },
    ]);
  }
  if (!timingSafeEqual(digest(given), expected)) {
    throw new ApiError("FORBIDDEN", "This token may not write", [
      { location: "header", path: "authorization", message: "not the server's write token" },
    ]);
  }
  c.set("actor", tokenActor);
  await next();
};
