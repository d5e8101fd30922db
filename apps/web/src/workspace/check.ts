/** Core's schemas' verdict on a form's record, in words a person can act on: the check before anything is sent. */
import type { WorkspaceMessages } from "./messages.ts";

/** As much of a zod issue as the messages need: the API's schemas and these are core's very schemas. */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  format?: string;
  maximum?: number | bigint;
}

/** Core's own messages, said in the reader's language (core speaks English to the API's clients). */
export function coreMessage(message: string, e: WorkspaceMessages["errors"]): string | undefined {
  const known: Record<string, string> = {
    "expected YYYY, YYYY-MM or YYYY-MM-DD": e.date,
    "no such day": e.noSuchDay,
    "expected a decimal number such as 1250000.50": e.decimal,
    "must not be negative": e.negative,
    "expected an ISO 4217 code such as EUR": e.currency,
    "not an ISO 4217 currency code": e.unknownCurrency,
    "the period ends before it starts": e.periodOrder,
    "every record needs at least one source": e.needSource,
    "expected lower-case words joined by hyphens": e.choose,
  };
  return known[message];
}

/** One issue in words a person can act on, in their language. */
function issueMessage(issue: Issue, e: WorkspaceMessages["errors"]): string {
  const core = coreMessage(issue.message, e);
  if (core) return core;
  const last = String(issue.path.at(-1) ?? "");
  // A place in the schedule is wrong in one way only, whatever zod calls it: not a whole number in range.
  if (last === "position") return e.position;
  switch (issue.code) {
    case "invalid_type":
      return e.required;
    case "too_small":
      if (issue.origin === "array") return last === "sources" ? e.needSource : e.required;
      return e.required;
    case "too_big":
      return e.tooLong(Number(issue.maximum));
    case "invalid_format":
      return issue.format === "url" ? e.url : e.invalid;
    case "invalid_value":
    case "invalid_union":
      return e.choose;
    default:
      return issue.message;
  }
}

/** A record checked against core's schema: the record, or each problem at its field (the first per field). */
export function check<T>(
  schema: {
    safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
  },
  value: unknown,
  e: WorkspaceMessages["errors"],
): { ok: true; record: T } | { ok: false; errors: Record<string, string> } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issueMessage(issue, e);
  }
  return { ok: false, errors };
}
