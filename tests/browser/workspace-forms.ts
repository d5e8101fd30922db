import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { WorkspaceWords } from "./workspace-words.ts";

/*
 * The ministry workspace's record forms, filled as a clerk fills them, for the browser tests: what each test
 * checks around them stays in the test.
 */

export interface SourceEntry {
  title: string;
  /** The kind's id, chosen from the list by its value (the list shows its label). */
  kind: string;
  url?: string;
}

/** The first source of a record form. */
export async function fillSource(form: Locator, w: WorkspaceWords, source: SourceEntry): Promise<void> {
  const group = form.getByRole("group", { name: w.source1 });
  await group.getByLabel(w.title).fill(source.title);
  await group.getByLabel(w.kindOfSource).selectOption(source.kind);
  if (source.url !== undefined) await group.getByLabel(w.url).fill(source.url);
}

/**
 * Opens the new commitment form and fills the commitment's own fields: its title, category, amount (as typed, in
 * the form's currency unless `currency` is given), period and first source. Returns the form.
 */
export async function fillCommitment(
  page: Page,
  url: string,
  lang: "en" | "uk",
  w: WorkspaceWords,
  entry: {
    title: string;
    category: string;
    amount: string;
    currency?: string;
    period?: { from: string; to: string };
    source: SourceEntry;
  },
): Promise<Locator> {
  await page.goto(`${url}?view=workspace&form=commitment&lang=${lang}`);
  const form = page.locator("#commitment-form");
  await form.getByRole("heading", { name: w.newCommitment }).waitFor();
  await form.getByLabel(w.title, { exact: true }).first().fill(entry.title);
  await form.getByLabel(w.category).selectOption(entry.category);
  await form.getByLabel(w.amount, { exact: true }).fill(entry.amount);
  if (entry.currency) await form.getByLabel(w.currency).fill(entry.currency);
  if (entry.period) {
    await form.getByLabel(w.from, { exact: true }).fill(entry.period.from);
    await form.getByLabel(w.to, { exact: true }).fill(entry.period.to);
  }
  await fillSource(form, w, entry.source);
  return form;
}

/**
 * Adds a promise's instalments one by one: each new instalment takes focus at its first field, where the clerk
 * types its due date, then its amount in the commitment's currency.
 */
export async function addInstalments(
  form: Locator,
  w: WorkspaceWords,
  currency: string,
  instalments: readonly (readonly [due: string, amount: string])[],
): Promise<void> {
  const page = form.page();
  for (const [index, [due, amount]] of instalments.entries()) {
    await form.getByRole("button", { name: w.addInstalment }).click();
    const instalment = form.getByRole("group", { name: w.instalment(index + 1) });
    await expect
      .poll(() => page.evaluate("document.activeElement?.id"))
      .toBe(`commitment-form-schedule-${index}-due`);
    await instalment.getByLabel(w.dueBy).fill(due);
    await instalment.getByLabel(w.instalmentAmount(currency)).fill(amount);
  }
}

/**
 * A stage event of one of the ministry's commitments, through the event form: the commitment chosen by its title
 * as the list shows it, the stage by its id; its amount as typed, in the commitment's currency. Saved as a draft.
 */
export async function enterEvent(
  page: Page,
  url: string,
  lang: "en" | "uk",
  w: WorkspaceWords,
  entry: { commitment: string; stage: string; date: string; amount: string; source: SourceEntry },
): Promise<void> {
  await page.goto(`${url}?view=workspace&form=event&lang=${lang}`);
  const form = page.locator("#event-form");
  await form.getByRole("heading", { name: w.newEvent }).waitFor();
  await form.getByLabel(w.commitment, { exact: true }).selectOption({ label: entry.commitment });
  await form.getByLabel(w.stage, { exact: true }).selectOption(entry.stage);
  await form.getByLabel(w.date, { exact: true }).fill(entry.date);
  await form.getByLabel(w.amount, { exact: true }).fill(entry.amount);
  await fillSource(form, w, entry.source);
  await form.getByRole("button", { name: w.saveDraft }).click();
  await page.locator(".saved-notice").waitFor();
}
