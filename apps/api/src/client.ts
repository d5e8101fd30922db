import { hc } from "hono/client";
import type { AppType } from "./app.ts";

/** The typed client the web app uses: request and response shapes come from the routes themselves. */
export function createClient(baseUrl: string, options?: Parameters<typeof hc>[1]) {
  return hc<AppType>(baseUrl, options);
}
export type Client = ReturnType<typeof createClient>;
