import { useCallback, useSyncExternalStore } from "react";
import { mayLeave } from "./leaveGuard.ts";

const subscribe = (onChange: () => void) => {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
};

// The parameters that choose what is on screen: changing one closes an open form (the language, a filter do not).
const placeParams = ["view", "form", "id"];
const samePlace = (a: URL, b: URL) =>
  a.pathname === b.pathname && placeParams.every((p) => a.searchParams.get(p) === b.searchParams.get(p));

/**
 * Moves to another view of this page, as a link would, without reloading it; not if it would close a form whose
 * entries are unsaved and the person chooses to stay. Whether it moved.
 */
export function navigate(url: URL): boolean {
  if (!samePlace(url, new URL(window.location.href)) && !mayLeave()) return false;
  window.history.pushState(null, "", url);
  window.dispatchEvent(new PopStateEvent("popstate"));
  return true;
}

/** One query-string parameter as state, so every view can be shared by its URL. */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(subscribe, () => new URLSearchParams(window.location.search).get(name));
  const set = useCallback(
    (next: string | null) => {
      const url = new URL(window.location.href);
      if (next === null) url.searchParams.delete(name);
      else url.searchParams.set(name, next);
      navigate(url);
    },
    [name],
  );
  return [value, set];
}

/** The URL of this page with exactly these parameters, and the chosen language if the URL names one: a view's address. */
export function viewHref(params: Record<string, string>): string {
  const query = new URLSearchParams(params);
  const lang = new URLSearchParams(window.location.search).get("lang");
  if (lang && !query.has("lang")) query.set("lang", lang);
  const search = query.toString();
  return `${window.location.pathname}${search ? `?${search}` : ""}`;
}

/** Sets several query-string parameters at once (null removes one), as one step in the browser's history. */
export function updateSearch(updates: Record<string, string | null>) {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(updates)) {
    if (value === null || value === "") url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  navigate(url);
}

/** The whole query string as state: views whose state is many parameters re-read it on every navigation. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}
