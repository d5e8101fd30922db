import type { Action, Actor, Target } from "@commitments/core";
import { authorise } from "@commitments/core";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, Principal } from "../context.ts";
import { ApiError } from "../errors.ts";

/** Write routes run this first: the public may not write. */
export const requireSignIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  principalOf(c);
  await next();
};

/** The principal of a request that must have one; 401 for the public. */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get("principal");
  if (!principal) {
    c.header("WWW-Authenticate", 'Bearer realm="commitments-tracker"');
    throw new ApiError("UNAUTHORIZED", "Sign in, or send Authorization: Bearer <API token>, to write", [
      { location: "header", path: "authorization", message: "missing" },
    ]);
  }
  return principal;
}

/** Refuses, with core's reason, what `authorise` does not allow. The refusal is logged by `onError`. */
export function allow(principal: Principal | null, action: Action, target: Target = {}): void {
  const decision = authorise(principal?.actor ?? null, action, target);
  if (!decision.allowed) {
    throw new ApiError(principal ? "FORBIDDEN" : "UNAUTHORIZED", `Not allowed: ${decision.reason}`, [
      { location: "action", path: action, message: decision.reason },
    ]);
  }
}

export function isAdministrator(actor: Actor | null | undefined): boolean {
  return actor?.roles.includes("administrator") ?? false;
}
