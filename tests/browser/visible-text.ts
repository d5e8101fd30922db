import { vocabulary } from "@commitments/core/vocabulary";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { checkPage } from "./chromium.ts";

export type Lang = "en" | "uk";

const vocabularyIds = Object.values(vocabulary).flatMap((family) => [...family.ids] as string[]);
/** Ids no prose writes: "air_defence.systems", "reported_by_donor". */
const compoundIds = vocabularyIds.filter((id) => /[._]/.test(id));
/**
 * Ids that are English words ("draft", "delivered", "official"): a Ukrainian page has no reason to show one as
 * written (a name in English, "DEMO analysts NGO" or "Ministry of Defence", is not the id "ngo" or "defence").
 */
const wordIds = [...new Set(vocabularyIds.filter((id) => /^[a-z]+$/.test(id)))];
const workflowStatuses = vocabulary.workflowStatus.ids.join("|");

/** Where the page writes a vocabulary label: a status's id there is an id shown, whatever the language. */
const labelled =
  ".status, .review-facts, .review-changes, .workspace-waiting, .site-nav, .awaiting-note, table[data-to-confirm]";

/**
 * No id and no enum value in what the page shows, as a reader sees it and a screen reader reads it (the rendered
 * text, visually hidden words included): none of the records' or proposals' `ids`; no vocabulary id written as
 * such anywhere; on a Ukrainian page no vocabulary id that is an English word either; on an English page, where
 * prose may say "draft" as a word ("Return to draft"), no workflow status's id where the labels stand. A
 * citation's API address names its record, as an address must: it is left out. `forbidden` adds what a page
 * must not say besides (an English page says "Disbursed" of money, never a bare "delivered").
 */
export async function showsNoIdsOrEnums(
  page: Page,
  lang: Lang,
  ids: readonly string[] = [],
  forbidden?: RegExp,
): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, not what hides in scripts: the visible text
  let text = await page.locator("body").innerText();
  for (const citation of await page.locator(".citation").allInnerTexts()) text = text.replace(citation, "");
  expect(
    ids.filter((id) => text.includes(id)),
    "record ids shown",
  ).toEqual([]);
  expect(
    compoundIds.filter((id) => text.includes(id)),
    "vocabulary ids shown",
  ).toEqual([]);
  if (lang === "uk")
    expect(
      wordIds.filter((id) => new RegExp(`\\b${id}\\b`).test(text)),
      "English vocabulary ids on a Ukrainian page",
    ).toEqual([]);
  const labels = (await page.locator(labelled).allInnerTexts()).join("\n");
  expect(labels).not.toMatch(new RegExp(`\\b(${workflowStatuses})\\b`));
  if (forbidden) expect(text).not.toMatch(forbidden);
}

/** A step's check: the page passes axe and its Content-Security-Policy, and shows no id or enum value. */
export async function checked(page: Page, name: string, lang: Lang, ids: readonly string[] = []) {
  await checkPage(page, name);
  await showsNoIdsOrEnums(page, lang, ids);
}
