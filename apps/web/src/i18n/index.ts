import { useSyncExternalStore } from "react";

import type { Lang } from "./languages.ts";

export { type Lang, languageNames, languages, locales } from "./languages.ts";

const storageKey = "lang";

/**
 * The language is in the URL (`?lang=uk`) so a shared link opens in the language it was copied in; without it,
 * the reader's last choice, then the browser's preference.
 */
export function currentLang(): Lang {
  const asked = new URLSearchParams(window.location.search).get("lang");
  if (asked === "en" || asked === "uk") return asked;
  const stored = window.localStorage.getItem(storageKey);
  if (stored === "en" || stored === "uk") return stored;
  return navigator.language.toLowerCase().startsWith("uk") ? "uk" : "en";
}

export function rememberLang(lang: Lang) {
  window.localStorage.setItem(storageKey, lang);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
};

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, currentLang);
}

/**
 * A feature's strings in both languages. The Ukrainian must have exactly the English keys (the type checks it), so
 * a string added in one language alone does not compile. Values are text or functions building text.
 */
export function localised<T extends Record<string, unknown>>(en: T, uk: NoInfer<T>): Record<Lang, T> {
  return { en, uk };
}

/** The current language's strings of one feature: `const t = useMessages(messages)`. */
export function useMessages<T>(messages: Record<Lang, T>): T {
  return messages[useLang()];
}
