import { useCallback, useSyncExternalStore } from "react";

// The API has no place for a person's watch list, so pins are kept in this browser's localStorage, one list per
// signed-in person (people sharing a browser keep their own), and the page says so where the list is shown.

const changed = "watch-pins-changed";
const keyOf = (userId: string) => `watch-pins:${userId}`;

const subscribe = (onChange: () => void) => {
  // Another tab's change arrives as "storage"; this tab's own as our event.
  window.addEventListener("storage", onChange);
  window.addEventListener(changed, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(changed, onChange);
  };
};

/** What is stored, read defensively: anything but a list of ids counts as no pins. */
function parse(stored: string | null): string[] {
  try {
    const value: unknown = JSON.parse(stored ?? "[]");
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/** The commitments a person pinned, in the order pinned, and a way to pin or unpin one. */
export function usePins(userId: string | undefined) {
  const key = userId ? keyOf(userId) : null;
  // The stored string is the snapshot: it is stable between changes, so React re-renders only on a change.
  const stored = useSyncExternalStore(subscribe, () => (key ? window.localStorage.getItem(key) : null));
  const pins = parse(stored);
  const toggle = useCallback(
    (id: string) => {
      if (!key) return;
      const current = parse(window.localStorage.getItem(key));
      const next = current.includes(id) ? current.filter((pinned) => pinned !== id) : [...current, id];
      window.localStorage.setItem(key, JSON.stringify(next));
      window.dispatchEvent(new Event(changed));
    },
    [key],
  );
  return { pins, toggle };
}
