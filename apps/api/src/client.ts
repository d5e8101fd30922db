import { hc } from "hono/client";
import type { AppType } from "./app.ts";

/** The typed client the web app uses: request and response shapes come from the routes themselves. */
export function createClient(baseUrl: string, options?: Parameters<typeof hc>[1]) {
  return hc<AppType>(baseUrl, options);
}
export type Client = ReturnType<typeof createClient>;

// The formats POST /v1/imports takes, for an upload form: descriptions only, no parsers, so safe in a browser.
export { type FormatInfo, type FormatOption, formatList } from "@commitments/importers/format-list";
