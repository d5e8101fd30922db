/*
 * Who is asking. Two ways in: an API token (`Authorization: Bearer ct_…`, for machines) or the session cookie set
 * by sign-in (for people, in the browser). Without either, the request is the public's: it reads published data.
 * What each principal may then do is decided by core's `authorise`, per action and per record, in the handlers.
 */

/** The OpenAPI security schemes of writes. */
export const securitySchemes = {
  apiToken: {
    type: "http",
    scheme: "bearer",
    description:
      "An API token of your organisation (ct_…), created under /v1/tokens. Reads need no credentials.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "__Host-ct_session",
    description:
      "The session cookie set by POST /v1/session (named ct_session over plain HTTP). Writes with it also need the X-CSRF-Token header from the sign-in answer.",
  },
} as const;
export const writeSecurity: Record<string, string[]>[] = [{ apiToken: [] }, { session: [] }];
