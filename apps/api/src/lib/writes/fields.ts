import { confidenceAllowed } from "@commitments/core";
import { isAdministrator } from "../auth/authorise.ts";
import type { Principal } from "../context.ts";
import { ApiError, checkStorable } from "../errors.ts";
import type { Access } from "../ledger-resource.ts";

// The default hook has checked validated bodies already; a write called otherwise is checked all the same.
export function checkText(value: unknown): void {
  checkStorable(value, "json");
}

/** The fields that make a figure what it is: changing one unconfirms it. */
export const figureFields = ["commitment", "stage", "date", "period", "measure"];

/** Refuses fields the principal's role may not set, by name (administrators maintain every field). */
export function checkSettable<R>(principal: Principal, access: Access<R>, fields: string[], within = "") {
  if (access.kind !== "donor" || isAdministrator(principal.actor)) return;
  const refused = fields.filter((field) => !access.fields.includes(field));
  if (refused.length > 0) {
    throw new ApiError(
      "FORBIDDEN",
      `Not allowed: your role may not set ${refused.map((f) => `"${within}${f}"`).join(", ")}`,
      refused.map((field) => ({
        location: "json",
        path: `${within}${field}`,
        message: "not settable by your role",
      })),
    );
  }
}

/** A figure's confidence says who vouches for it: a donor may not state that its recipient confirmed it. */
export function checkConfidence(principal: Principal, record: object, path: string) {
  const confidence = (record as { confidence?: unknown }).confidence;
  if (typeof confidence === "string" && !confidenceAllowed(principal.actor, confidence)) {
    throw new ApiError("FORBIDDEN", `Not allowed: your role may not state the confidence "${confidence}"`, [
      {
        location: "json",
        path,
        message:
          confidence === "disputed"
            ? "opening a dispute marks a figure disputed"
            : "not a confidence your role vouches for",
      },
    ]);
  }
}
