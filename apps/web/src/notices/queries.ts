import { queryOptions } from "@tanstack/react-query";
import { client, type QueryData, unwrap } from "../api.ts";

/** The signed-in person's notices, newest first, with how many are unread. */
export const noticesQuery = queryOptions({
  queryKey: ["notices", "list"],
  queryFn: async () => {
    const response = await client.v1.notices.$get({ query: { limit: "100" } });
    return await unwrap(response);
  },
});

/** How many notices are unread, for the header: asked again every minute while the page is open. */
export const unreadNoticesQuery = queryOptions({
  queryKey: ["notices", "unread"],
  queryFn: async () => {
    const response = await client.v1.notices.$get({ query: { unread: "true", limit: "1" } });
    return (await unwrap(response)).unread;
  },
  refetchInterval: 60_000,
});

export type NoticeView = QueryData<typeof noticesQuery>["data"][number];
