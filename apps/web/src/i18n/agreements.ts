import { type Lang, locales } from "./languages.ts";

// An agreement's titles in the reader's language: the Ukrainian ones where the records have them, else the
// English. Pure (no URL or storage read), so the Node tests import it.

/** The fields of an agreement its titles are read from; the API's views and core's records both have them. */
export interface AgreementTitles {
  title: string;
  shortTitle: string;
  titleUk?: string | null | undefined;
  shortTitleUk?: string | null | undefined;
}

export function agreementTitle(agreement: AgreementTitles, lang: Lang): string {
  return (lang === "uk" ? agreement.titleUk : undefined) ?? agreement.title;
}

export function agreementShortTitle(agreement: AgreementTitles, lang: Lang): string {
  return (lang === "uk" ? agreement.shortTitleUk : undefined) ?? agreement.shortTitle;
}

/**
 * Agreements in the order of the titles the page shows, collated in its language (Ukrainian "Є" and "І" fall
 * where the Ukrainian alphabet puts them, not after "я" as their code points would).
 */
export function byAgreementTitle<T extends AgreementTitles>(
  agreements: readonly T[],
  lang: Lang,
  shown: (agreement: AgreementTitles, lang: Lang) => string = agreementTitle,
): T[] {
  const collator = new Intl.Collator(locales[lang]);
  return [...agreements].sort((a, b) => collator.compare(shown(a, lang), shown(b, lang)));
}
