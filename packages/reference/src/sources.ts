import type { Source } from "@commitments/core";

/**
 * The two seed documents the reference dataset is drawn from. Every reference record cites at least one of them,
 * with a locator and a short verbatim quote, so that a reader can find the words a fact rests on.
 */
export const tannerSeed = {
  title: "Friends and weapons: the architecture of security guarantees for Ukraine",
  kind: "seed_document",
  publisher: "Friedrich-Ebert-Stiftung (FES), Regional Office for International Cooperation, Vienna",
  published: "2025-10",
} as const satisfies Source;

/** The essay names neither author nor date, so the citation gives neither; its file name identifies it. */
export const alignmentEssaySeed = {
  title:
    "Post-war alignment scenarios and the 2024 bilateral security agreements (essay; seed document 000_dffd93a118f39937.txt)",
  kind: "seed_document",
} as const satisfies Source;

export type Seed = typeof tannerSeed | typeof alignmentEssaySeed;

/** The seed files, for tests that check every quote against the text it claims to come from. */
export const seedFiles = {
  [tannerSeed.title]: "004_12b7e3973bbe7e73.txt",
  [alignmentEssaySeed.title]: "000_dffd93a118f39937.txt",
} as const satisfies Record<string, string>;

/** A citation of a seed: where in it (section, footnote, annex item) and, ideally, its own words. */
export function cite(seed: Seed, locator: string, quote?: string): Source {
  return quote === undefined ? { ...seed, locator } : { ...seed, locator, quote };
}

/**
 * Outside the seeds. The schema requires at least one guarantor on every agreement, and for three instruments the
 * seeds name none. Rather than leave a guessed party unsourced, the parties are taken from the instrument's own
 * text and cited here; nothing else in the dataset rests on these.
 */
export const budapestMemorandumText: Source = {
  title:
    "Memorandum on Security Assurances in connection with Ukraine's accession to the Treaty on the Non-Proliferation of Nuclear Weapons",
  kind: "official",
  published: "1994",
  locator: "paragraph 1",
  quote:
    "The Russian Federation, the United Kingdom of Great Britain and Northern Ireland and the United States of America reaffirm their commitment to Ukraine",
};

export const ukraineCompactText: Source = {
  title: "Ukraine Compact (text as released by the White House, 11 July 2024)",
  kind: "official",
  publisher: "The White House (archived)",
  url: "https://bidenwhitehouse.archives.gov/briefing-room/presidential-actions/2024/07/11/president-joe-biden-launches-the-ukraine-compact",
  published: "2024-07-11",
  locator: "preamble",
  quote:
    "We the leaders of the United States of America, Belgium, Canada, Denmark, Estonia, Finland, France, Germany, Iceland, Italy, Japan, Latvia, Lithuania, Luxembourg, the Netherlands, Norway, Poland, Portugal, Romania, Spain, Sweden, and the United Kingdom, together with the President of the European Council, the President of the European Commission, and the President of Ukraine",
};
