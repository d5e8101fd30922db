import { useCallback, useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
};

/** Moves to another view of this page, as a link would, without reloading it. */
export function navigate(url: URL) {
  window.history.pushState(null, "", url);
  window.dispatchEvent(new PopStateEvent("popstate"));
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

/** The URL of this page with exactly these parameters: a view's address. */
export function viewHref(params: Record<string, string>): string {
  const search = new URLSearchParams(params).toString();
  return `${window.location.pathname}${search ? `?${search}` : ""}`;
}
