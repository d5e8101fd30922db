// The interface's languages and their locales, apart from i18n/index.ts: that module reads the browser's URL and
// storage, and the Node tests import format.ts, which needs these, to state what the page must show.

/** The interface's languages: English and Ukrainian. */
export const languages = ["en", "uk"] as const;
export type Lang = (typeof languages)[number];

export const languageNames: Record<Lang, string> = { en: "English", uk: "Українська" };

/** The locale for numbers and dates in each language. */
export const locales: Record<Lang, string> = { en: "en-GB", uk: "uk-UA" };
