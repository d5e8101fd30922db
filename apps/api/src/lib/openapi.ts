import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "./context.ts";
import { defaultHook, ErrorBody } from "./errors.ts";

/** A router whose validation failures all go through the one error contract. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook });
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

/** The error responses every route may give, documented once. */
export const errorResponses = {
  400: json(ErrorBody, "The request is malformed; `details` names each field at fault."),
  500: json(ErrorBody, "An unexpected failure; the request id helps find it in the logs."),
};
export const notFoundResponse = { 404: json(ErrorBody, "No such record.") };

/** A list response. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item) });
}

export function one<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}
