/**
 * The shape of the vocabulary: every id of a term family has, in English and in Ukrainian, a label (what a page,
 * a chart or an export calls it) and a description (one sentence saying what it means). Zod-free and pure, so
 * the web app and the charts read it without a schema library.
 */

/** The languages the tracker speaks. */
export const vocabularyLangs = ["en", "uk"] as const;
export type VocabularyLang = (typeof vocabularyLangs)[number];

export interface Words {
  label: string;
  description: string;
}

/** One id's words in both languages; `W` adds what a family needs besides, e.g. a stage's word for money. */
export type Term<W extends Words = Words> = Readonly<Record<VocabularyLang, Readonly<W>>>;

/** A family's terms, one per id: a missing or extra id does not compile. */
export type Terms<Id extends string, W extends Words = Words> = Readonly<Record<Id, Term<W>>>;
