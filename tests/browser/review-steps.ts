import type { Browser, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { description } from "./ministry-setup.ts";
import type { WorkspaceWords } from "./workspace-words.ts";

/*
 * The steps of a record's way to the public in the ministry workspace, as an editor and an approver take them
 * through the page, for the browser tests: submitted, reviewed, returned with a reason, submitted again,
 * published after a confirmation; a published figure corrected through a proposal the approver publishes.
 */

type Status = "draft" | "submitted" | "published";

/** A record's row in one of the workspace's lists, by its key ("commitment:<id>"). */
export const rowOf = (page: Page, status: Status, key: string) =>
  page.locator(`.workspace-${status} tr[data-record="${key}"]`);

/** The editor selects the drafts by their keys and submits them; each then waits among the submitted. */
export async function submitDrafts(page: Page, w: WorkspaceWords, keys: readonly string[]): Promise<void> {
  for (const key of keys)
    await rowOf(page, "draft", key).getByRole("checkbox", { name: w.selectRow }).check();
  await page.getByRole("button", { name: w.submit(keys.length) }).click();
  await page
    .locator(".bulk-outcome")
    .getByRole("heading", { name: w.submitted(keys.length) })
    .waitFor();
  expect(await page.locator(".bulk-failures").count()).toBe(0);
  for (const key of keys) await rowOf(page, "submitted", key).waitFor();
}

/** The approver opens a submitted commitment's review: the record as the public will read it. */
export async function openReview(
  page: Page,
  w: WorkspaceWords,
  key: string,
  title: string,
): Promise<Locator> {
  await rowOf(page, "submitted", key)
    .getByRole("button", { name: w.review(title) })
    .click();
  const review = page.locator(".review-panel");
  await review.waitFor();
  return review;
}

/** A fact of the review, as the panel writes it. */
export const factOf = (review: Locator, field: string) =>
  review.locator(`.review-facts [data-field="${field}"] dd`).textContent();

/**
 * The approver returns the reviewed record to draft: without a reason it is refused at the field, nothing sent
 * (`status` reads the record's status back; `onRefused` checks the page then); with one it is returned.
 */
export async function returnWithReason(
  review: Locator,
  w: WorkspaceWords,
  { status, onRefused }: { status: () => Promise<string | undefined>; onRefused: () => Promise<void> },
): Promise<void> {
  const page = review.page();
  await review.getByRole("button", { name: w.returnButton, exact: true }).click();
  const reasonField = review.getByLabel(w.reasonLabel);
  await reasonField.waitFor();
  await review.getByRole("button", { name: w.returnIt, exact: true }).click();
  await expect.poll(() => reasonField.getAttribute("aria-invalid")).toBe("true");
  expect(await description(reasonField)).toContain(w.reasonError);
  expect(await status()).toBe("submitted");
  await onRefused();
  await reasonField.fill(w.reason);
  await review.getByRole("button", { name: w.returnIt, exact: true }).click();
  await page.locator(".bulk-outcome h2").waitFor();
  expect(await page.locator(".bulk-failures").count()).toBe(0);
  await expect.poll(status).toBe("draft");
}

/** The editor reads on the draft's row who returned it and why. */
export async function readReturnedNote(page: Page, w: WorkspaceWords, key: string, approverName: string) {
  const note = rowOf(page, "draft", key).locator(".returned-note");
  await note.waitFor();
  const text = await note.textContent();
  expect(text).toContain(w.returnedBy);
  expect(text).toContain(approverName);
  expect(text).toContain(w.reason);
}

/**
 * The approver asks to publish (from a review, or the selected records of the list) and is first told what
 * becomes public; nothing is published until it is confirmed (`status` reads the first record's status back,
 * `onConfirming` checks the page then). Confirmed, the outcome is listed.
 */
export async function publishAfterConfirming(
  within: Locator,
  w: WorkspaceWords,
  count: number,
  { status, onConfirming }: { status: () => Promise<string | undefined>; onConfirming: () => Promise<void> },
): Promise<void> {
  const page = within.page();
  await within
    .getByRole("button", { name: count === 1 ? w.publish : w.publishSelected(count), exact: true })
    .click();
  const confirmation = page.locator(".decision-confirm");
  await confirmation.waitFor();
  expect(await confirmation.textContent()).toContain(count === 1 ? w.confirmText : w.confirmTextMany(count));
  expect(await status()).toBe("submitted");
  await onConfirming();
  await confirmation
    .getByRole("button", { name: count === 1 ? w.confirm : w.confirmMany(count), exact: true })
    .click();
  await page.locator(".bulk-outcome h2").waitFor();
  expect(await page.locator(".bulk-failures").count()).toBe(0);
  await expect.poll(status).toBe("published");
}

/** The editor corrects a published commitment's amount: a proposal, which awaits the approver on its row. */
export async function proposeAmount(
  page: Page,
  w: WorkspaceWords,
  { key, title, amount }: { key: string; title: string; amount: string },
): Promise<void> {
  const published = rowOf(page, "published", key);
  await published.getByRole("link", { name: w.correct(title) }).click();
  const correction = page.locator("#commitment-form");
  await correction.getByRole("heading", { name: w.correctHeading(title) }).waitFor();
  await correction.getByLabel(w.amount, { exact: true }).fill(amount);
  await correction.getByLabel(w.why).fill(w.whyText);
  await correction.getByRole("button", { name: w.saveCorrection }).click();
  const notice = page.locator(".saved-notice");
  await notice.waitFor();
  expect(await notice.textContent()).toContain(w.proposed);
  await expect.poll(() => published.locator(".awaiting-note").textContent()).toBe(w.awaiting);
}

/**
 * The approver opens a record's waiting proposal and reads its change field by field: only the amount, from
 * `before` to `after`. Returns the proposal's entry and id.
 */
export async function readAmountChange(
  page: Page,
  key: string,
  { before, after }: { before: RegExp; after: RegExp },
): Promise<{ item: Locator; proposalId: string }> {
  const item = page.locator(`.workspace-proposals li[data-record="${key}"]`);
  await item.waitFor();
  const proposalId = await item.getAttribute("data-proposal");
  if (!proposalId) throw new Error("the proposal is not listed");
  await item.getByRole("button", { expanded: false }).click();
  const change = item.locator('.review-changes tr[data-field="measure"]');
  await change.waitFor();
  expect(await change.locator("td").nth(0).textContent()).toMatch(before);
  expect(await change.locator("td").nth(1).textContent()).toMatch(after);
  const changedFields = await item
    .locator(".review-changes tbody tr")
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-field")}: ${r.textContent}`));
  expect(changedFields).toEqual([expect.stringMatching(/^measure: /)]);
  return { item, proposalId };
}

/** The approver publishes the open proposal: asked why (an empty reason refused at its field), then published. */
export async function publishProposal(item: Locator, w: WorkspaceWords): Promise<void> {
  const page = item.page();
  await item.getByRole("button", { name: w.publish, exact: true }).click();
  const publishReason = item.getByLabel(w.publishReason);
  await publishReason.waitFor();
  await item.getByRole("button", { name: w.confirm, exact: true }).click();
  await expect.poll(() => publishReason.getAttribute("aria-invalid")).toBe("true");
  expect(await item.locator(".field-error").textContent()).toBe(w.publishReasonError);
  await publishReason.fill(w.publishReasonText);
  await item.getByRole("button", { name: w.confirm, exact: true }).click();
  await expect.poll(() => page.locator(".workspace-proposals [role=status]").textContent()).toBe(w.published);
  await item.waitFor({ state: "detached" });
}

/** The public commitment page, read by someone not signed in, once it is read whole: its title, and its figure. */
export async function publicCommitment(
  browser: Browser,
  url: string,
  lang: "en" | "uk",
  { id, title, figure }: { id: string; title: string; figure: string | RegExp },
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}?commitment=${id}&lang=${lang}`);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await expect.poll(() => page.locator("main").textContent()).toMatch(figure);
  await page.locator(".history-table").waitFor();
  return page;
}
