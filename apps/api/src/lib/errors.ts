import { LedgerError, recordAuthEvent, SeriesTooLarge } from "@commitments/db";
import type { Hook } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import type { AppEnv } from "./context.ts";

const statusByCode = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;
export type ErrorCode = keyof typeof statusByCode;

/** The detail messages a client may say a refusal by in its own words: they do not change. */
const stableDetails = [
  '"not a step from <status>" and "its commitment is not published" (409, at "status")',
  '"<kind> "<id>" refers to it" (409: a live record that keeps this one from being retracted)',
  '"it was <status>" (409: a proposal decided already)',
  '"retracted" (409: the record was retracted meanwhile)',
  '"not settable by your role" (403)',
  '"every field already has this value" and "no such record" (422)',
];

/** One place a problem is described: where in the request (query, param, json, header) and which field. */
export const ErrorDetail = z
  .object({
    location: z.string().openapi({ example: "query" }),
    path: z.string().openapi({ example: "tier" }),
    message: z.string().openapi({
      description: `What is wrong there, in English. These stay as they are, for clients to key on: ${stableDetails.join("; ")}.`,
    }),
  })
  .openapi("ErrorDetail");
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The one error contract of the API. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(statusByCode) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.array(ErrorDetail).optional(),
      requestId: z.string(),
    }),
  })
  .openapi("Error");

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.code = code;
    this.details = details;
  }

  get status(): ContentfulStatusCode {
    return statusByCode[this.code];
  }
}

/** A rate limit's refusal (429). Only the first of a window is recorded as an auth event; the log has them all. */
export class RateLimited extends ApiError {
  /** Whether this is the first refusal of its bucket's window. */
  readonly firstOfWindow: boolean;

  constructor(message: string, firstOfWindow: boolean) {
    super("TOO_MANY_REQUESTS", message);
    this.firstOfWindow = firstOfWindow;
  }
}

/** `within` places the validated value in the request: ["set"] for the record an update would make. */
export function validationError(error: ZodError, location: string, within: string[] = []): ApiError {
  // An unknown field is named by its own path, so a typo or an attempt to set a field that cannot be set
  // points at that field rather than at the object around it.
  const details = error.issues.flatMap((issue) =>
    (issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path]).map(
      (path) => ({ location, path: [...within, ...path.map(String)].join("."), message: issue.message }),
    ),
  );
  const first = details[0];
  const where = first?.path ? `${first.location} field "${first.path}"` : (first?.location ?? location);
  return new ApiError("VALIDATION_FAILED", `Invalid ${where}: ${first?.message ?? "invalid input"}`, details);
}

const codeOfLedgerError = {
  NOT_FOUND: "NOT_FOUND",
  ALREADY_EXISTS: "CONFLICT",
  VERSION_MISMATCH: "PRECONDITION_FAILED",
  RETRACTED: "CONFLICT",
  REFERENCE_NOT_FOUND: "UNPROCESSABLE",
  MEASURE_MISMATCH: "UNPROCESSABLE",
  HAS_DEPENDENTS: "CONFLICT",
} as const satisfies Record<LedgerError["code"], ErrorCode>;

/**
 * The one translation of the ledger's refusals into the error contract. `prefix` places the record field at
 * fault in the request body: "" for a create (the body is the record), "set." for an update.
 */
export function fromLedgerError(error: LedgerError, prefix = ""): ApiError {
  const field = error.field ?? (error.code === "ALREADY_EXISTS" ? "id" : undefined);
  // A record retracted meanwhile is said by a stable detail, for clients that say it in their own words.
  const details =
    field !== undefined
      ? [{ location: "json", path: `${prefix}${field}`, message: error.message }]
      : error.code === "RETRACTED"
        ? [{ location: "param", path: "id", message: "retracted" }]
        : undefined;
  const message =
    error.code === "VERSION_MISMATCH"
      ? `${error.message}; read it again and reapply the change`
      : error.message;
  return new ApiError(codeOfLedgerError[error.code], message, details);
}

/** Runs a write, placing the fields of the ledger's refusals at `prefix` in the request body. */
export async function placingFields<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof LedgerError ? fromLedgerError(error, prefix) : error;
  }
}

/** Every route's validation failures take this path, so they all speak the error contract. */
export const defaultHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) throw validationError(result.error as ZodError, result.target);
  checkStorable(result.data, result.target);
};

// PostgreSQL text holds no NUL character, and a lone surrogate is not text at all: both are refused by name
// rather than failing in the database or being silently replaced.
const unstorable = (text: string) => text.includes("\0") || /\p{Cs}/u.test(text);

/**
 * Refuses text the database cannot hold, naming where it is. Every validated request part goes through it (the
 * default hook): bodies, queries, paths and headers alike, whatever the route then stores or looks up.
 */
export function checkStorable(value: unknown, location: string, path: string[] = []): void {
  if (typeof value === "string" && unstorable(value)) {
    throw new ApiError(
      "VALIDATION_FAILED",
      `Invalid ${location} field "${path.join(".")}": not storable text`,
      [{ location, path: path.join("."), message: "contains a NUL character or a lone surrogate" }],
    );
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) checkStorable(inner, location, [...path, key]);
  }
}

export function errorResponse(c: Context<AppEnv>, error: ApiError) {
  return c.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
        requestId: c.get("requestId") ?? "unknown",
      },
    },
    error.status,
  );
}

/**
 * Logs a refused request: to the log always, and to the auth events table when someone was refused an action or
 * rate-limited (refused tokens are recorded where they are checked). Never the secret: who, what, and why.
 */
async function logRefusal(c: Context<AppEnv>, error: ApiError): Promise<void> {
  const principal = c.get("principal");
  c.get("logger")?.warn(
    {
      requestId: c.get("requestId"),
      status: error.status,
      method: c.req.method,
      path: c.req.path,
      organisation: principal?.organisationId,
      user: principal?.userId,
      token: principal?.tokenId,
      reason: error.message,
    },
    "refused",
  );
  // A client hammering past its limit would otherwise add a row a request.
  if (error.code === "UNAUTHORIZED" || (error instanceof RateLimited && !error.firstOfWindow)) return;
  await recordAuthEvent(c.get("db"), {
    kind: error.code === "FORBIDDEN" ? "forbidden" : "rate_limited",
    address: c.get("address"),
    detail: `${c.req.method} ${c.req.path}: ${principal?.label ?? "public"}: ${error.message}`,
  });
}

export async function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof ApiError) {
    if (err.code === "FORBIDDEN" || err.code === "UNAUTHORIZED" || err.code === "TOO_MANY_REQUESTS") {
      // A failure to log must not turn a refusal into a 500.
      await logRefusal(c, err).catch((error: unknown) =>
        c.get("logger")?.error({ err: String(error) }, "could not log a refusal"),
      );
    }
    return errorResponse(c, err);
  }
  if (err instanceof LedgerError) return errorResponse(c, fromLedgerError(err));
  if (err instanceof SeriesTooLarge) {
    return errorResponse(
      c,
      new ApiError("VALIDATION_FAILED", `Invalid query field "${err.parameter}": ${err.message}`, [
        { location: "query", path: err.parameter, message: err.message },
      ]),
    );
  }
  if (err instanceof HTTPException) {
    // Hono raises these for malformed bodies (bad JSON, wrong content type) and size limits.
    const code: ErrorCode =
      err.status === 413
        ? "PAYLOAD_TOO_LARGE"
        : err.status === 415
          ? "UNSUPPORTED_MEDIA_TYPE"
          : "BAD_REQUEST";
    const status = err.status >= 500 ? "INTERNAL_SERVER_ERROR" : code;
    return errorResponse(c, new ApiError(status, err.message || "Bad request"));
  }
  c.get("logger")?.error({ requestId: c.get("requestId"), err: String(err.stack ?? err) }, "unhandled error");
  return errorResponse(c, new ApiError("INTERNAL_SERVER_ERROR", "Something went wrong on our side."));
}

export function notFound(c: Context<AppEnv>) {
  return errorResponse(c, new ApiError("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`));
}
