import {
  organisationKinds,
  organisationKindTerms,
  roles,
  roleTerms,
  tokenScopes,
  tokenScopeTerms,
  workflowStatuses,
  workflowStatusTerms,
} from "./access.ts";
import {
  agreementStatusIds,
  agreementStatusTerms,
  coalitionRoleIds,
  coalitionRoleTerms,
  cooperationAreaIds,
  cooperationAreaTerms,
  natoStanceIds,
  natoStanceTerms,
  provisionKindIds,
  provisionKindTerms,
} from "./agreements.ts";
import { categoryIds, categoryTerms } from "./categories.ts";
import {
  confidenceIds,
  confidenceTerms,
  measureBasisIds,
  measureBasisTerms,
  measureKindIds,
  measureKindTerms,
  quantityUnitIds,
  quantityUnitTerms,
  type StageWords,
  stageIds,
  stageTerms,
} from "./flow.ts";
import { instrumentTypeIds, instrumentTypeTerms, type TierWords, tierIds, tierTerms } from "./gradation.ts";
import {
  ladderStandingIds,
  ladderStandingTerms,
  reconciliationStatusIds,
  reconciliationStatusTerms,
} from "./guarantors.ts";
import { disputeStatuses, disputeStatusTerms } from "./remarks.ts";
import { sourceDatasetIds, sourceDatasetTerms, sourceKindIds, sourceKindTerms } from "./sources.ts";
import type { VocabularyLang, Words } from "./terms.ts";

/**
 * The tracker's vocabulary, defined once: every id of every term family, with its English and Ukrainian label and
 * description. Core's schemas take their ids from here; the API, the charts and the web app take their words.
 * Sentences stay with the features that say them, but a domain term inside one comes from here. See README.md
 * for the glossary of the Ukrainian choices.
 */
export * from "./access.ts";
export * from "./agreements.ts";
export * from "./categories.ts";
export * from "./flow.ts";
export * from "./gradation.ts";
export * from "./guarantors.ts";
export * from "./remarks.ts";
export * from "./sources.ts";
export * from "./terms.ts";

/** Every family: its ids, in order, and its terms. */
export const vocabulary = {
  tier: { ids: tierIds, terms: tierTerms },
  instrumentType: { ids: instrumentTypeIds, terms: instrumentTypeTerms },
  stage: { ids: stageIds, terms: stageTerms },
  confidence: { ids: confidenceIds, terms: confidenceTerms },
  category: { ids: categoryIds, terms: categoryTerms },
  quantityUnit: { ids: quantityUnitIds, terms: quantityUnitTerms },
  measureKind: { ids: measureKindIds, terms: measureKindTerms },
  measureBasis: { ids: measureBasisIds, terms: measureBasisTerms },
  sourceKind: { ids: sourceKindIds, terms: sourceKindTerms },
  sourceDataset: { ids: sourceDatasetIds, terms: sourceDatasetTerms },
  organisationKind: { ids: organisationKinds, terms: organisationKindTerms },
  role: { ids: roles, terms: roleTerms },
  tokenScope: { ids: tokenScopes, terms: tokenScopeTerms },
  workflowStatus: { ids: workflowStatuses, terms: workflowStatusTerms },
  disputeStatus: { ids: disputeStatuses, terms: disputeStatusTerms },
  agreementStatus: { ids: agreementStatusIds, terms: agreementStatusTerms },
  provisionKind: { ids: provisionKindIds, terms: provisionKindTerms },
  natoStance: { ids: natoStanceIds, terms: natoStanceTerms },
  coalitionRole: { ids: coalitionRoleIds, terms: coalitionRoleTerms },
  cooperationArea: { ids: cooperationAreaIds, terms: cooperationAreaTerms },
  ladderStanding: { ids: ladderStandingIds, terms: ladderStandingTerms },
  reconciliationStatus: { ids: reconciliationStatusIds, terms: reconciliationStatusTerms },
} as const;

export type Family = keyof typeof vocabulary;
export type IdOf<F extends Family> = (typeof vocabulary)[F]["ids"][number];
type ExtraWords = { tier: TierWords; stage: StageWords };
/** The words of a family's ids: a label and a description, and for tiers a heading, for stages a money label. */
export type WordsOf<F extends Family> = F extends keyof ExtraWords ? ExtraWords[F] : Words;

/** The words of an id in a language: `words("stage", "delivered", "uk").moneyLabel` is «Виплачено». */
export function words<F extends Family>(family: F, id: IdOf<F>, lang: VocabularyLang): WordsOf<F> {
  const terms = vocabulary[family].terms as Readonly<
    Record<string, Readonly<Record<VocabularyLang, WordsOf<F>>>>
  >;
  return (terms[id] as Readonly<Record<VocabularyLang, WordsOf<F>>>)[lang];
}

/** What an id is called in a language: `label("category", "ammunition.rockets", "uk")` is «Реактивні снаряди». */
export function label<F extends Family>(family: F, id: IdOf<F>, lang: VocabularyLang): string {
  return words(family, id, lang).label;
}

/** Whether a text from outside (a URL, an older record) is an id of a family. */
export function isId<F extends Family>(family: F, id: string): id is IdOf<F> {
  return (vocabulary[family].ids as readonly string[]).includes(id);
}

/** The label of a text that may be an id of a family, or the text itself when it is not one. */
export function labelOrId(family: Family, id: string, lang: VocabularyLang): string {
  return isId(family, id) ? label(family, id, lang) : id;
}

/** One word of the vocabulary: which id's, in which language, and which field (label, description, …). */
export interface VocabularyEntry {
  family: Family;
  id: string;
  lang: VocabularyLang;
  field: string;
  text: string;
}

/** Every word of every family, in order: for the glossary's checks. */
export function vocabularyEntries(): VocabularyEntry[] {
  return Object.entries(vocabulary).flatMap(([family, { ids, terms }]) =>
    ids.flatMap((id: string) =>
      Object.entries(
        (terms as Readonly<Record<string, Readonly<Record<VocabularyLang, Words>>>>)[id] ?? {},
      ).flatMap(([lang, fields]) =>
        Object.entries(fields).map(([field, text]) => ({
          family: family as Family,
          id,
          lang: lang as VocabularyLang,
          field,
          text: String(text),
        })),
      ),
    ),
  );
}
