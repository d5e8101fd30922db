import { createClient } from "@commitments/api/client";
import { label } from "@commitments/core/vocabulary";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAdmin, signIn } from "../server.ts";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";

/*
 * An approver's review, end to end in Chromium, in English and in Ukrainian: the editor submits a commitment; the
 * approver, told how much waits, reviews it as the public will read it and returns it with a reason (an empty one
 * refused at its field); the editor reads why and submits again; the approver publishes after confirming. The editor
 * then corrects the published amount, which becomes a proposal; the approver reads its change field by field and
 * publishes it; the public reads the new figure. No enum value or id is shown on the way.
 */

type Lang = "en" | "uk";

/** Each run's own ministry: a country of its own, so one run's records do not show in the other's lists. */
const runs: Record<Lang, { party: string; country: string; prefix: string }> = {
  en: { party: "NO", country: "Norway", prefix: "no" },
  uk: { party: "DK", country: "Данія", prefix: "dk" },
};

/** The page's words each step looks for, in both languages. */
const words = {
  en: {
    newCommitment: "New commitment",
    title: "Title",
    category: "Category",
    amount: "Amount",
    from: "From",
    to: "To",
    source1: "Source 1",
    kindOfSource: "Kind of source",
    url: "Web address (URL, optional)",
    saveDraft: "Save draft",
    noStage: /^Record no stage yet/,
    currency: "Currency",
    select: (title: string) => `Select commitment “${title}”`,
    submit: "Submit selected for approval (1)",
    accountNav: "Account",
    workspaceCount: (n: number) => new RegExp(`^Workspace \\(${n}\\)`),
    waiting: "Waiting for your decision: 1 record sent for approval, and 0 proposals",
    review: (title: string) => `Review commitment “${title}”`,
    period: "January 2025 – December 2025",
    returnButton: "Return to draft…",
    reasonLabel: "Why it is returned",
    returnIt: "Return it to draft",
    reasonError: "Say why it is returned, in at least 3 characters",
    reason: "Add the parliamentary answer as a second source",
    returnedBy: "Returned by",
    publish: "Publish…",
    confirmText: "Publishing makes this record public",
    confirm: "Yes, publish it",
    correct: (title: string) => `Correct commitment “${title}”`,
    correctHeading: (title: string) => `Correct the commitment “${title}”`,
    why: "Why it changes",
    saveCorrection: "Save the correction",
    proposed: "Proposed:",
    awaiting: "Correction: awaiting approval",
    publishReason: "Why you publish it",
    publishReasonError: "Say why you publish it, in at least 3 characters",
    published: "Published.",
    retract: (title: string) => `Retract commitment “${title}”`,
    retractReason: "Why it is retracted",
    proposeRetraction: "Propose the retraction",
    retractionProposed: "Proposed: the retraction of",
    retractionAwaiting: "Retraction: awaiting approval",
    retractionNote: "A retraction changes no field",
    returnProposal: "Return to the editor…",
    returnProposalIt: "Return it to the editor",
    returnedToEditor: "Returned to the editor.",
    before: /^€1,500,000$/,
    after: /^€1,750,000$/,
  },
  uk: {
    newCommitment: "Нове зобов’язання",
    title: "Назва",
    category: "Категорія",
    amount: "Сума",
    from: "З",
    to: "По",
    source1: "Джерело 1",
    kindOfSource: "Тип джерела",
    url: "Вебадреса (URL, необов’язково)",
    saveDraft: "Зберегти чернетку",
    noStage: /^Поки не записувати етап/,
    currency: "Валюта",
    select: (title: string) => `Вибрати: зобов’язання «${title}»`,
    submit: "Подати вибрані на затвердження (1)",
    accountNav: "Обліковий запис",
    workspaceCount: (n: number) => new RegExp(`^Робочий простір \\(${n}\\)`),
    waiting:
      "Чекають на ваше рішення: подані записи — 1, пропозиції виправити чи відкликати опублікований запис — 0",
    review: (title: string) => `Переглянути: зобов’язання «${title}»`,
    period: /^січень 2025 р\. – грудень 2025 р\.$/,
    returnButton: "Повернути на доопрацювання…",
    reasonLabel: "Чому його повернуто",
    returnIt: "Повернути на доопрацювання",
    reasonError: "Вкажіть причину повернення, щонайменше 3 символи",
    reason: "Додайте відповідь парламенту як друге джерело",
    returnedBy: "Повернув(ла)",
    publish: "Опублікувати…",
    confirmText: "Після публікації запис стане публічним",
    confirm: "Так, опублікувати",
    correct: (title: string) => `Виправити: зобов’язання «${title}»`,
    correctHeading: (title: string) => `Виправити зобов’язання «${title}»`,
    why: "Причина зміни",
    saveCorrection: "Зберегти виправлення",
    proposed: "Запропоновано:",
    awaiting: "Виправлення: чекає на затвердження",
    publishReason: "Чому ви це публікуєте",
    publishReasonError: "Вкажіть, чому ви це публікуєте, щонайменше 3 символи",
    published: "Опубліковано.",
    retract: (title: string) => `Відкликати: зобов’язання «${title}»`,
    retractReason: "Чому його відкликано",
    proposeRetraction: "Запропонувати відкликання",
    retractionProposed: "Запропоновано: відкликання",
    retractionAwaiting: "Відкликання: чекає на затвердження",
    retractionNote: "Відкликання не змінює полів",
    returnProposal: "Повернути редакторові…",
    returnProposalIt: "Повернути редакторові",
    returnedToEditor: "Повернуто редакторові.",
    before: /^1\s500\s000\sEUR$/,
    after: /^1\s750\s000\sEUR$/,
  },
};

async function signInThroughThePage(
  browser: Browser,
  url: string,
  who: { email: string; password: string },
  lang: Lang,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}?view=sign-in&lang=${lang}`);
  await page.getByLabel(lang === "uk" ? "Електронна пошта" : "E-mail").fill(who.email);
  await page.getByLabel(lang === "uk" ? "Пароль" : "Password").fill(who.password);
  await page.getByRole("button", { name: lang === "uk" ? "Увійти" : "Sign in" }).click();
  await page.locator("#account-title").waitFor();
  return page;
}

/**
 * No id and no enum value in what the page shows: not the record's or proposal's id, not a category's or a
 * source kind's id anywhere; not a workflow status's id where labels stand: the status cells, the count, the review
 * and its changes (prose and buttons elsewhere may say "draft" as a word: "Return to draft").
 */
async function showsNoIdsOrEnums(page: Page, ids: readonly string[]) {
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, not what hides in scripts: the visible text
  const text = await page.locator("body").innerText();
  for (const id of ids) expect(text).not.toContain(id);
  expect(text).not.toMatch(/air_defence|reported_by_donor/);
  const labelled = await page
    .locator(".status, .review-facts, .review-changes, .workspace-waiting, .site-nav, .awaiting-note")
    .allInnerTexts();
  expect(labelled.join("\n")).not.toMatch(/\b(submitted|published|draft|returned|official|total)\b/);
}

/** A step's check: the page passes axe, and shows no id or enum value. */
async function checked(page: Page, name: string, ids: readonly string[]) {
  await checkPage(page, name);
  await showsNoIdsOrEnums(page, ids);
}

describe.skipIf(!hasChromium)("an approver's review in the ministry workspace, in Chromium", () => {
  const app = useServerAndBrowser({}, { beforeStart: (dataDir) => createAdmin(dataDir) });

  /** A ministry for a run, and its editor and approver, as an administrator sets them up through the API. */
  async function ministry(lang: Lang) {
    const { party, prefix } = runs[lang];
    const admin = await signIn(app.server.url);
    const client = createClient(app.server.url, {
      headers: { Cookie: admin.cookie, "X-CSRF-Token": admin.csrfToken },
    });
    const organisation = await client.v1.organisations.$post({
      json: { kind: "partner_ministry", name: `Test Ministry of Defence (${party})`, party },
    });
    if (!organisation.ok) throw new Error(`POST /v1/organisations answered ${organisation.status}`);
    const { id } = (await organisation.json()).data;
    const editor = {
      email: `editor@${prefix}-ministry.invalid`,
      name: "Ingrid Editor",
      password: "ministry-editor-pass-0123",
    };
    const approver = {
      email: `approver@${prefix}-ministry.invalid`,
      name: "Arne Approver",
      password: "ministry-approver-pass-0123",
    };
    for (const [who, roles] of [
      [editor, ["ministry_editor"]],
      [approver, ["ministry_approver"]],
    ] as const) {
      const user = await client.v1.organisations[":id"].users.$post({
        param: { id },
        json: { email: who.email, name: who.name, roles: [...roles], password: who.password },
      });
      if (user.status !== 201) throw new Error(`POST users answered ${user.status}: ${await user.text()}`);
    }
    return { editor, approver };
  }

  /** The ministry's commitments as the page's own session reads them, drafts included. */
  async function ownCommitments(page: Page, party: string) {
    return (await page.evaluate(
      `fetch('/v1/commitments?donor=${party}&drafts=include&limit=200').then((r) => r.json()).then((b) => b.data)`,
    )) as { id: string; status: string; version: number; title: string; measure: { amount?: string } }[];
  }

  for (const lang of ["en", "uk"] as const) {
    it(`reviews, returns with a reason, publishes after confirming, and publishes a correction (${lang})`, async () => {
      const url = app.server.url;
      const w = words[lang];
      const { party, country } = runs[lang];
      const { editor, approver } = await ministry(lang);
      const title = lang === "uk" ? "Пакет ППО 2025" : "Air defence package 2025";
      const category = label("category", "air_defence.systems", lang);
      const workspace = `${url}?view=workspace&lang=${lang}`;

      // --- The editor writes a commitment and submits it ---------------------------------------------------
      const editorPage = await signInThroughThePage(app.browser, url, editor, lang);
      await editorPage.goto(`${url}?view=workspace&form=commitment&lang=${lang}`);
      const form = editorPage.locator("#commitment-form");
      await form.getByRole("heading", { name: w.newCommitment }).waitFor();
      await form.getByLabel(w.title, { exact: true }).first().fill(title);
      await form.getByLabel(w.category).selectOption("air_defence.systems");
      await form.getByLabel(w.amount, { exact: true }).fill("1500000");
      // The form starts in the ministry's own currency; this ministry reports this one in euros.
      await form.getByLabel(w.currency).fill("EUR");
      await form.getByLabel(w.from, { exact: true }).fill("2025-01");
      await form.getByLabel(w.to, { exact: true }).fill("2025-12");
      const source = form.getByRole("group", { name: w.source1 });
      await source.getByLabel(w.title).fill("Ministry of Defence press release");
      await source.getByLabel(w.kindOfSource).selectOption("official");
      await source.getByLabel(w.url).fill("https://example.org/press/2025-01");
      // No stage event with it: this journey retracts the commitment later, which its live parts would prevent.
      await form.getByRole("radio", { name: w.noStage }).check();
      await form.getByRole("button", { name: w.saveDraft }).click();
      await editorPage.locator(".saved-notice").waitFor();
      const [created] = await ownCommitments(editorPage, party);
      if (!created) throw new Error("the commitment was not written");
      const key = `commitment:${created.id}`;
      const ids = [created.id];
      await editorPage.getByRole("checkbox", { name: w.select(title) }).check();
      await editorPage.getByRole("button", { name: w.submit }).click();
      await editorPage.locator(".bulk-outcome h2").waitFor();
      expect(await editorPage.locator(".bulk-failures").count()).toBe(0);
      await editorPage.locator(`.workspace-submitted tr[data-record="${key}"]`).waitFor();
      await checked(editorPage, `approver-${lang}-submitted`, ids);

      // --- The approver: the count in the header and at the top, then the review -------------------------
      const approverPage = await signInThroughThePage(app.browser, url, approver, lang);
      const nav = approverPage.getByRole("navigation", { name: w.accountNav, exact: true });
      const countLink = nav.getByRole("link", { name: w.workspaceCount(1) });
      await countLink.waitFor();
      await checked(approverPage, `approver-${lang}-account-count`, ids);
      await countLink.click();
      const waiting = approverPage.locator(".workspace-waiting");
      await waiting.waitFor();
      expect(await waiting.textContent()).toContain(w.waiting);
      const row = approverPage.locator(`.workspace-submitted tr[data-record="${key}"]`);
      await row.getByRole("button", { name: w.review(title) }).click();
      const review = approverPage.locator(".review-panel");
      await review.waitFor();
      const fact = (field: string) =>
        review.locator(`.review-facts [data-field="${field}"] dd`).textContent();
      expect(await fact("title")).toBe(title);
      expect(await fact("donor")).toBe(country);
      expect(await fact("category")).toBe(category);
      expect(await fact("period")).toMatch(w.period);
      expect(await fact("measure")).toMatch(w.before);
      const link = review.getByRole("link", { name: "Ministry of Defence press release" });
      expect(await link.getAttribute("href")).toBe("https://example.org/press/2025-01");
      await checked(approverPage, `approver-${lang}-review`, ids);

      // --- Returned: an empty reason is refused at its field, nothing sent; then with a reason ---------------
      await review.getByRole("button", { name: w.returnButton, exact: true }).click();
      const reasonField = review.getByLabel(w.reasonLabel);
      await reasonField.waitFor();
      await review.getByRole("button", { name: w.returnIt, exact: true }).click();
      await expect.poll(() => reasonField.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await reasonField.getAttribute("aria-describedby"))?.split(" ") ?? [];
      const description = await Promise.all(
        describedBy.map((id) => approverPage.locator(`[id="${id}"]`).textContent()),
      );
      expect(description.join(" ")).toContain(w.reasonError);
      expect((await ownCommitments(approverPage, party))[0]?.status).toBe("submitted");
      await checked(approverPage, `approver-${lang}-reason-refused`, ids);
      await reasonField.fill(w.reason);
      await review.getByRole("button", { name: w.returnIt, exact: true }).click();
      await approverPage.locator(".bulk-outcome h2").waitFor();
      expect(await approverPage.locator(".bulk-failures").count()).toBe(0);
      await expect.poll(async () => (await ownCommitments(approverPage, party))[0]?.status).toBe("draft");

      // --- The editor reads why, and submits again -----------------------------------------------------------
      await editorPage.goto(workspace);
      const note = editorPage.locator(`.workspace-draft tr[data-record="${key}"] .returned-note`);
      await note.waitFor();
      const noteText = await note.textContent();
      expect(noteText).toContain(w.returnedBy);
      expect(noteText).toContain(approver.name);
      expect(noteText).toContain(w.reason);
      await checked(editorPage, `approver-${lang}-returned-note`, ids);
      await editorPage.getByRole("checkbox", { name: w.select(title) }).check();
      await editorPage.getByRole("button", { name: w.submit }).click();
      await editorPage.locator(`.workspace-submitted tr[data-record="${key}"]`).waitFor();

      // --- The approver publishes, after confirming what becomes public --------------------------------------
      await approverPage.goto(workspace);
      await row.getByRole("button", { name: w.review(title) }).click();
      await review.getByRole("button", { name: w.publish, exact: true }).click();
      const confirmation = review.locator(".decision-confirm");
      await confirmation.waitFor();
      expect(await confirmation.textContent()).toContain(w.confirmText);
      // Nothing is published until it is confirmed.
      expect((await ownCommitments(approverPage, party))[0]?.status).toBe("submitted");
      await checked(approverPage, `approver-${lang}-confirm-publish`, ids);
      await confirmation.getByRole("button", { name: w.confirm, exact: true }).click();
      await approverPage.locator(".bulk-outcome h2").waitFor();
      await expect.poll(async () => (await ownCommitments(approverPage, party))[0]?.status).toBe("published");

      // --- The editor corrects the published amount: a proposal ----------------------------------------------
      await editorPage.goto(workspace);
      const published = editorPage.locator(`.workspace-published tr[data-record="${key}"]`);
      await published.getByRole("link", { name: w.correct(title) }).click();
      const correction = editorPage.locator("#commitment-form");
      await correction.getByRole("heading", { name: w.correctHeading(title) }).waitFor();
      await correction.getByLabel(w.amount, { exact: true }).fill("1750000");
      await correction.getByLabel(w.why).fill("The ministry's second report raises the figure");
      await correction.getByRole("button", { name: w.saveCorrection }).click();
      const notice = editorPage.locator(".saved-notice");
      await notice.waitFor();
      expect(await notice.textContent()).toContain(w.proposed);
      await expect.poll(() => published.locator(".awaiting-note").textContent()).toBe(w.awaiting);
      await checked(editorPage, `approver-${lang}-awaiting`, ids);
      expect((await ownCommitments(editorPage, party))[0]?.measure.amount).toBe("1500000");

      // --- The approver reads the change field by field, and publishes it ------------------------------------
      await approverPage.goto(`${url}?view=account&lang=${lang}`);
      await nav.getByRole("link", { name: w.workspaceCount(1) }).click();
      const item = approverPage.locator(`.workspace-proposals li[data-record="${key}"]`);
      await item.waitFor();
      const proposalId = await item.getAttribute("data-proposal");
      if (!proposalId) throw new Error("the proposal is not listed");
      const allIds = [...ids, proposalId];
      await item.getByRole("button", { expanded: false }).click();
      const change = item.locator('.review-changes tr[data-field="measure"]');
      await change.waitFor();
      expect(await change.locator("td").nth(0).textContent()).toMatch(w.before);
      expect(await change.locator("td").nth(1).textContent()).toMatch(w.after);
      const changedFields = await item
        .locator(".review-changes tbody tr")
        .evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-field")}: ${r.textContent}`));
      expect(changedFields).toEqual([expect.stringMatching(/^measure: /)]);
      await checked(approverPage, `approver-${lang}-proposal-diff`, allIds);
      await item.getByRole("button", { name: w.publish, exact: true }).click();
      const publishReason = item.getByLabel(w.publishReason);
      await publishReason.waitFor();
      await item.getByRole("button", { name: w.confirm, exact: true }).click();
      await expect.poll(() => publishReason.getAttribute("aria-invalid")).toBe("true");
      expect(await item.locator(".field-error").textContent()).toBe(w.publishReasonError);
      await publishReason.fill("The second report is signed");
      await item.getByRole("button", { name: w.confirm, exact: true }).click();
      await expect
        .poll(() => approverPage.locator(".workspace-proposals [role=status]").textContent())
        .toBe(w.published);
      await approverPage.locator(".workspace-proposals .empty-state").waitFor();
      await checked(approverPage, `approver-${lang}-proposal-published`, allIds);

      // --- The public reads the new figure ------------------------------------------------------------------
      const publicPage = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await publicPage.goto(`${url}?commitment=${created.id}&lang=${lang}`);
      await publicPage.getByRole("heading", { level: 1, name: title }).waitFor();
      expect(await publicPage.locator("main").textContent()).toMatch(
        lang === "uk" ? /1\s750\s000\sEUR/ : /€1,750,000/,
      );
      await checkPage(publicPage, `approver-${lang}-public`);
      const read = await createClient(url).v1.commitments[":id"].$get({
        param: { id: created.id },
        query: {},
      });
      if (!read.ok) throw new Error(`the public read answered ${read.status}`);
      expect((await read.json()).data.commitment.measure).toMatchObject({
        amount: "1750000",
        currency: "EUR",
      });

      // --- A retraction: asked its reason, proposed, and returned by the approver; the record stays published ---
      await editorPage.goto(workspace);
      await published.getByRole("button", { name: w.retract(title) }).click();
      const retractReason = editorPage.getByLabel(w.retractReason);
      await retractReason.waitFor();
      await editorPage.getByRole("button", { name: w.proposeRetraction }).click();
      await expect.poll(() => retractReason.getAttribute("aria-invalid")).toBe("true");
      await checked(editorPage, `approver-${lang}-retract-reason`, ids);
      await retractReason.fill("The commitment was folded into a larger package");
      await editorPage.getByRole("button", { name: w.proposeRetraction }).click();
      await expect
        .poll(() => editorPage.locator(".workspace-published [role=status]").textContent())
        .toContain(w.retractionProposed);
      await expect.poll(() => published.locator(".awaiting-note").textContent()).toBe(w.retractionAwaiting);
      await approverPage.goto(workspace);
      await item.getByRole("button", { expanded: false }).click();
      await item.getByText(w.retractionNote).waitFor();
      await item.getByRole("button", { name: w.returnProposal, exact: true }).click();
      await item.getByLabel(w.reasonLabel).fill("Keep it: the larger package is not yet signed");
      await item.getByRole("button", { name: w.returnProposalIt, exact: true }).click();
      await expect
        .poll(() => approverPage.locator(".workspace-proposals [role=status]").textContent())
        .toBe(w.returnedToEditor);
      await checked(approverPage, `approver-${lang}-retraction-returned`, allIds);
      // The editor reads on the record's row that the retraction came back: from whom, and why.
      await editorPage.goto(workspace);
      const sentBack = published.locator(".returned-note");
      await sentBack.waitFor();
      const sentBackText = await sentBack.textContent();
      expect(sentBackText).toContain(lang === "uk" ? "Відкликання: повернув(ла)" : "Retraction returned by");
      expect(sentBackText).toContain(approver.name);
      expect(sentBackText).toContain("Keep it: the larger package is not yet signed");
      expect(await published.locator(".awaiting-note").count()).toBe(0);
      await checked(editorPage, `approver-${lang}-retraction-returned-note`, ids);
      const still = await createClient(url).v1.commitments[":id"].$get({
        param: { id: created.id },
        query: {},
      });
      expect(still.status).toBe(200);

      await editorPage.context().close();
      await approverPage.context().close();
      await publicPage.close();
    });
  }
});
