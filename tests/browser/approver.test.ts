import { createClient } from "@commitments/api/client";
import { label } from "@commitments/core/vocabulary";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAdmin, signIn } from "../server.ts";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";
import { signInThroughThePage } from "./ministry-setup.ts";
import {
  factOf,
  openReview,
  proposeAmount,
  publicCommitment,
  publishAfterConfirming,
  publishProposal,
  readAmountChange,
  readReturnedNote,
  returnWithReason,
  rowOf,
  submitDrafts,
} from "./review-steps.ts";
import { checked, type Lang } from "./visible-text.ts";
import { fillCommitment } from "./workspace-forms.ts";
import { workspaceWords } from "./workspace-words.ts";

/*
 * An approver's review, end to end in Chromium, in English and in Ukrainian: the editor submits a commitment; the
 * approver, told how much waits, reviews it as the public will read it and returns it with a reason (an empty one
 * refused at its field); the editor reads why and submits again; the approver publishes after confirming. The editor
 * then corrects the published amount, which becomes a proposal; the approver reads its change field by field and
 * publishes it; the public reads the new figure. No enum value or id is shown on the way.
 */

/** Each run's own ministry: a country of its own, so one run's records do not show in the other's lists. */
const runs: Record<Lang, { party: string; country: string; prefix: string }> = {
  en: { party: "NO", country: "Norway", prefix: "no" },
  uk: { party: "DK", country: "Данія", prefix: "dk" },
};

/** What this journey's pages say of its own record, in both languages. */
const said = {
  en: {
    waiting: "Waiting for your decision: 1 record sent for approval, and 0 proposals",
    period: "January 2025 – December 2025",
    before: /^€1,500,000$/,
    after: /^€1,750,000$/,
    publicFigure: /€1,750,000/,
  },
  uk: {
    waiting:
      "Чекають на ваше рішення: подані записи — 1, пропозиції виправити чи відкликати опублікований запис — 0",
    period: /^січень 2025 р\. – грудень 2025 р\.$/,
    before: /^1\s500\s000\sEUR$/,
    after: /^1\s750\s000\sEUR$/,
    publicFigure: /1\s750\s000\sEUR/,
  },
};

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
      const w = workspaceWords[lang];
      const s = said[lang];
      const { party, country } = runs[lang];
      const { editor, approver } = await ministry(lang);
      const title = lang === "uk" ? "Пакет ППО 2025" : "Air defence package 2025";
      const category = label("category", "air_defence.systems", lang);
      const workspace = `${url}?view=workspace&lang=${lang}`;

      // --- The editor writes a commitment and submits it ---------------------------------------------------
      const editorPage = await signInThroughThePage(app.browser, url, editor, { lang });
      // The form starts in the ministry's own currency; this ministry reports this one in euros.
      const form = await fillCommitment(editorPage, url, lang, w, {
        title,
        category: "air_defence.systems",
        amount: "1500000",
        currency: "EUR",
        period: { from: "2025-01", to: "2025-12" },
        source: {
          title: "Ministry of Defence press release",
          kind: "official",
          url: "https://example.org/press/2025-01",
        },
      });
      // No stage event with it: this journey retracts the commitment later, which its live parts would prevent.
      await form.getByRole("radio", { name: w.noStage }).check();
      await form.getByRole("button", { name: w.saveDraft }).click();
      await editorPage.locator(".saved-notice").waitFor();
      const [created] = await ownCommitments(editorPage, party);
      if (!created) throw new Error("the commitment was not written");
      const key = `commitment:${created.id}`;
      const ids = [created.id];
      await submitDrafts(editorPage, w, [key]);
      await checked(editorPage, `approver-${lang}-submitted`, lang, ids);

      // --- The approver: the count in the header and at the top, then the review -------------------------
      const approverPage = await signInThroughThePage(app.browser, url, approver, { lang });
      const status = async () => (await ownCommitments(approverPage, party))[0]?.status;
      const nav = approverPage.getByRole("navigation", { name: w.accountNav, exact: true });
      const countLink = nav.getByRole("link", { name: w.workspaceCount(1) });
      await countLink.waitFor();
      await checked(approverPage, `approver-${lang}-account-count`, lang, ids);
      await countLink.click();
      const waiting = approverPage.locator(".workspace-waiting");
      await waiting.waitFor();
      expect(await waiting.textContent()).toContain(s.waiting);
      const review = await openReview(approverPage, w, key, title);
      expect(await factOf(review, "title")).toBe(title);
      expect(await factOf(review, "donor")).toBe(country);
      expect(await factOf(review, "category")).toBe(category);
      expect(await factOf(review, "period")).toMatch(s.period);
      expect(await factOf(review, "measure")).toMatch(s.before);
      const link = review.getByRole("link", { name: "Ministry of Defence press release" });
      expect(await link.getAttribute("href")).toBe("https://example.org/press/2025-01");
      await checked(approverPage, `approver-${lang}-review`, lang, ids);

      // --- Returned: an empty reason is refused at its field, nothing sent; then with a reason ---------------
      await returnWithReason(review, w, {
        status,
        onRefused: () => checked(approverPage, `approver-${lang}-reason-refused`, lang, ids),
      });

      // --- The editor reads why, and submits again -----------------------------------------------------------
      await editorPage.goto(workspace);
      await readReturnedNote(editorPage, w, key, approver.name);
      await checked(editorPage, `approver-${lang}-returned-note`, lang, ids);
      await submitDrafts(editorPage, w, [key]);

      // --- The approver publishes, after confirming what becomes public --------------------------------------
      await approverPage.goto(workspace);
      await publishAfterConfirming(await openReview(approverPage, w, key, title), w, 1, {
        status,
        onConfirming: () => checked(approverPage, `approver-${lang}-confirm-publish`, lang, ids),
      });

      // --- The editor corrects the published amount: a proposal ----------------------------------------------
      await editorPage.goto(workspace);
      await proposeAmount(editorPage, w, { key, title, amount: "1750000" });
      await checked(editorPage, `approver-${lang}-awaiting`, lang, ids);
      expect((await ownCommitments(editorPage, party))[0]?.measure.amount).toBe("1500000");

      // --- The approver reads the change field by field, and publishes it ------------------------------------
      await approverPage.goto(`${url}?view=account&lang=${lang}`);
      await nav.getByRole("link", { name: w.workspaceCount(1) }).click();
      const { item, proposalId } = await readAmountChange(approverPage, key, s);
      const allIds = [...ids, proposalId];
      await checked(approverPage, `approver-${lang}-proposal-diff`, lang, allIds);
      await publishProposal(item, w);
      await approverPage.locator(".workspace-proposals .empty-state").waitFor();
      await checked(approverPage, `approver-${lang}-proposal-published`, lang, allIds);

      // --- The public reads the new figure ------------------------------------------------------------------
      const publicPage = await publicCommitment(app.browser, url, lang, {
        id: created.id,
        title,
        figure: s.publicFigure,
      });
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
      const published = rowOf(editorPage, "published", key);
      await editorPage.goto(workspace);
      await published.getByRole("button", { name: w.retract(title) }).click();
      const retractReason = editorPage.getByLabel(w.retractReason);
      await retractReason.waitFor();
      await editorPage.getByRole("button", { name: w.proposeRetraction }).click();
      await expect.poll(() => retractReason.getAttribute("aria-invalid")).toBe("true");
      await checked(editorPage, `approver-${lang}-retract-reason`, lang, ids);
      await retractReason.fill(
        lang === "uk"
          ? "Зобов’язання увійшло до більшого пакета"
          : "The commitment was folded into a larger package",
      );
      await editorPage.getByRole("button", { name: w.proposeRetraction }).click();
      await expect
        .poll(() => editorPage.locator(".workspace-published [role=status]").textContent())
        .toContain(w.retractionProposed);
      await expect.poll(() => published.locator(".awaiting-note").textContent()).toBe(w.retractionAwaiting);
      await approverPage.goto(workspace);
      const retraction = approverPage.locator(`.workspace-proposals li[data-record="${key}"]`);
      await retraction.getByRole("button", { expanded: false }).click();
      await retraction.getByText(w.retractionNote).waitFor();
      await retraction.getByRole("button", { name: w.returnProposal, exact: true }).click();
      // In the page's language, as its approver would write it: the Ukrainian page's check flags English words.
      const keepIt =
        lang === "uk"
          ? "Залиште його: більший пакет ще не підписано"
          : "Keep it: the larger package is not yet signed";
      await retraction.getByLabel(w.reasonLabel).fill(keepIt);
      await retraction.getByRole("button", { name: w.returnProposalIt, exact: true }).click();
      await expect
        .poll(() => approverPage.locator(".workspace-proposals [role=status]").textContent())
        .toBe(w.returnedToEditor);
      await checked(approverPage, `approver-${lang}-retraction-returned`, lang, allIds);
      // The editor reads on the record's row that the retraction came back: from whom, and why.
      await editorPage.goto(workspace);
      const sentBack = published.locator(".returned-note");
      await sentBack.waitFor();
      const sentBackText = await sentBack.textContent();
      expect(sentBackText).toContain(lang === "uk" ? "Відкликання: повернув(ла)" : "Retraction returned by");
      expect(sentBackText).toContain(approver.name);
      expect(sentBackText).toContain(keepIt);
      expect(await published.locator(".awaiting-note").count()).toBe(0);
      await checked(editorPage, `approver-${lang}-retraction-returned-note`, lang, ids);
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
