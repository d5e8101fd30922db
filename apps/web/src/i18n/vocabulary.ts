import { type Family, type IdOf, label, vocabulary } from "@commitments/core/vocabulary";
import type { Lang } from "./languages.ts";

// The tracker's terms come from core's vocabulary, defined once for the API, the charts and these pages; the
// message files take them from here rather than wording them again.
export { type Family, isId, label, labelOrId, words } from "@commitments/core/vocabulary";

/** A family's labels in one language, by id: for messages that name each option of a vocabulary. */
export function labelsOf<F extends Family>(family: F, lang: Lang): Record<IdOf<F>, string> {
  const ids = vocabulary[family].ids as readonly IdOf<F>[];
  return Object.fromEntries(ids.map((id) => [id, label(family, id, lang)])) as Record<IdOf<F>, string>;
}

/** A label as it stands inside a sentence, after other words: "per year", «на рік». */
export function inSentence(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}
