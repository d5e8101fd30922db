import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { type client, unwrap } from "../api.ts";

export type SeriesResponse = InferResponseType<typeof client.v1.series.$get, 200>;
export type Series = SeriesResponse["data"];

/** The series a chart shows, asked with exactly the query string the downloads and the embed use. */
export const seriesQuery = (search: string) =>
  queryOptions({
    queryKey: ["series", search],
    queryFn: async (): Promise<SeriesResponse> => {
      const response = await fetch(`/v1/series?${search}`);
      return (await unwrap(response)) as SeriesResponse;
    },
    // A new filter shows the previous chart until the new one arrives, rather than an empty page.
    placeholderData: (previous) => previous,
  });
