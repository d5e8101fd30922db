import { queryOptions } from "@tanstack/react-query";
import { apiError, client } from "../api.ts";

export const guarantorsQuery = queryOptions({
  queryKey: ["guarantors"],
  queryFn: async () => {
    const response = await client.v1.guarantors.$get({ query: {} });
    if (!response.ok) throw await apiError(response);
    return (await response.json()).data;
  },
});

export const guarantorQuery = (party: string) =>
  queryOptions({
    queryKey: ["guarantors", party],
    queryFn: async () => {
      const response = await client.v1.guarantors[":party"].$get({ param: { party }, query: {} });
      if (!response.ok) throw await apiError(response);
      return (await response.json()).data;
    },
  });

export const reconciliationQuery = (donor: string | null) =>
  queryOptions({
    queryKey: ["reconciliation", donor],
    queryFn: async () => {
      const response = await client.v1.reconciliation.$get({ query: donor ? { donor } : {} });
      if (!response.ok) throw await apiError(response);
      return (await response.json()).data;
    },
  });
