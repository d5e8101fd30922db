import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../api.ts";

export const guarantorsQuery = queryOptions({
  queryKey: ["guarantors"],
  queryFn: async () => {
    const response = await client.v1.guarantors.$get({ query: {} });
    return (await unwrap(response)).data;
  },
});

export const guarantorQuery = (party: string) =>
  queryOptions({
    queryKey: ["guarantors", party],
    queryFn: async () => {
      const response = await client.v1.guarantors[":party"].$get({ param: { party }, query: {} });
      return (await unwrap(response)).data;
    },
  });

export const reconciliationQuery = (donor: string | null) =>
  queryOptions({
    queryKey: ["reconciliation", donor],
    queryFn: async () => {
      const response = await client.v1.reconciliation.$get({ query: donor ? { donor } : {} });
      return (await unwrap(response)).data;
    },
  });
