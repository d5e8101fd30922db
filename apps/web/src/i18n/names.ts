import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { partiesQuery } from "../api.ts";
import { useLang } from "./index.ts";

/** A party's name in the reader's language: the Ukrainian name where the records have one, else the English. */
export function usePartyName(): (id: string) => string {
  const parties = useQuery(partiesQuery);
  const lang = useLang();
  return useCallback(
    (id: string) => {
      const party = parties.data?.find((p) => p.id === id);
      if (!party) return id;
      return (lang === "uk" ? party.nameUk : undefined) ?? party.name;
    },
    [parties.data, lang],
  );
}
