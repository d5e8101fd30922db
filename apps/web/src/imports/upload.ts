import type { FormatInfo, FormatOption } from "@commitments/api/client";
import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { apiError, client, csrfHeaders, type Session, unwrap } from "../api.ts";

export type ImportReport = InferResponseType<typeof client.v1.imports.$post, 201>["data"];
export type ImportRun = InferResponseType<(typeof client.v1.imports)[":id"]["$get"], 200>["data"];

export interface Upload {
  /** Made here, so the page can follow the import by it while the file is still on its way. */
  id: string;
  file: File;
  format: FormatInfo;
  dryRun: boolean;
  options: Partial<Record<FormatOption, string>>;
}

/**
 * Sends the file to POST /v1/imports as the raw request body: the browser streams it from disk and the API reads
 * it as it arrives, so no size of file is held in memory here. A refused file (422) is answered with its report,
 * which is returned like any other; every other refusal is thrown as an `ApiProblem`.
 */
export async function upload(session: Session, { id, file, format, dryRun, options }: Upload) {
  const query = new URLSearchParams({ format: format.id, dryRun: String(dryRun) });
  // The API records the name with the import, up to 300 characters.
  if (file.name.trim()) query.set("name", file.name.trim().slice(0, 300));
  for (const [name, value] of Object.entries(options)) if (value?.trim()) query.set(name, value.trim());
  const response = await fetch(`/v1/imports?${query}`, {
    method: "POST",
    body: file,
    headers: {
      // The format's own media type, not the browser's guess from the file name (Windows calls CSV an Excel file).
      "Content-Type": format.mediaTypes[0] ?? "application/octet-stream",
      "X-Import-Id": id,
      ...csrfHeaders(session).headers,
    },
  });
  if (response.ok || response.status === 422) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { data?: ImportReport } | null;
    if (body?.data?.status) return body.data;
  }
  throw await apiError(response);
}

/** One import's progress while it runs; null until the file's first bytes reach the API. */
export const importRunQuery = (id: string) =>
  queryOptions({
    queryKey: ["import", id],
    queryFn: async (): Promise<ImportRun | null> => {
      const response = await client.v1.imports[":id"].$get({ param: { id } });
      if (response.status === 404) return null;
      return (await unwrap(response)).data;
    },
  });

/** The organisation's recent imports (an administrator's: everyone's), newest first. */
export const importsQuery = queryOptions({
  queryKey: ["imports"],
  queryFn: async () => {
    const response = await client.v1.imports.$get({ query: { limit: "20" } });
    return (await unwrap(response)).data;
  },
});
