import type { Visibility } from "@commitments/db";
import type { Context } from "hono";
import type { AppEnv, Principal } from "../context.ts";
import { isAdministrator } from "./authorise.ts";

/** What a read shows: published records, plus on request (`drafts=include`) the drafts the principal may see. */
export function readVisibility(c: Context<AppEnv>, drafts: "include" | "exclude"): Visibility {
  return drafts === "include" ? visibilityOf(c.get("principal")) : { drafts: "none" };
}

/**
 * Whose unpublished records a principal may read besides published ones: its own organisation's (those it wrote;
 * never another ministry's of the same country), or every one as an administrator. Core's `maySee` for one record.
 */
export function visibilityOf(principal: Principal | null): Visibility {
  if (!principal) return { drafts: "none" };
  if (isAdministrator(principal.actor)) return { drafts: "all" };
  return { drafts: "organisation", organisation: principal.organisationId };
}
