import { createClient } from "@commitments/api/client";
import { label } from "@commitments/core/vocabulary";
import { formatMeasure } from "@commitments/web/format";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium, useServerAndBrowser } from "./chromium.ts";
import { ownRecords, partsOf, signInThroughThePage } from "./ministry-setup.ts";
import {
  confirmationForm,
  confirmReceipt,
  disputeForm,
  fillDispute,
  remarkWords,
  toConfirmLink,
} from "./remark-forms.ts";
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
import { addInstalments, enterEvent, fillCommitment } from "./workspace-forms.ts";
import { workspaceWords } from "./workspace-words.ts";

/*
 * The whole journey of a promise, in English and in Ukrainian, by the demo accounts through the pages only: the
 * UK ministry's editor enters a commitment with its committed amount and a schedule in the one promise form, and
 * a delivery of it; submits them; the approver, told how much waits, reviews the commitment as the public will
 * read it and returns it with a reason; the editor reads why and submits again; the approver publishes all five
 * after confirming. The editor corrects the published amount; the approver reads the change and publishes it;
 * the public reads the new figure. Ukraine's verifier confirms the delivery's receipt from the queue, and an NGO's
 * analyst disputes the promised figure, which the public then sees. Every step passes axe-core and shows no id
 * or enum value. The API is used only to read back what was stored.
 */

const password = "journey-demo-password-0123";
const demo = {
  editor: { email: "editor.gb@demo.invalid", password },
  approver: { email: "approver.gb@demo.invalid", name: "Demo approver (GB)", password },
  verifier: { email: "verifier.ua@demo.invalid", password },
  analyst: { email: "analyst@demo.invalid", password },
};
const ngoName = "DEMO analysts NGO";
/** The demo's names of organisations and people, in English as they were given: the only English a page shows. */
const givenNames = [
  "DEMO United Kingdom ministry",
  "DEMO Ukrainian ministry",
  ngoName,
  "Demo editor (GB)",
  demo.approver.name,
  "Demo verifier (UA)",
  "Demo analyst",
];

/** A Ukrainian page's part written in Ukrainian: no Latin word but the names given, the currency and "UTC". */
async function inUkrainian(part: Locator): Promise<void> {
  let text = (await part.textContent()) ?? "";
  for (const name of givenNames) text = text.replaceAll(name, "");
  expect(text.match(/\b(?!(?:GBP|UTC)\b)[A-Za-z]{2,}\b/g) ?? []).toEqual([]);
}

/**
 * Each run's own records, told apart by their titles (both runs share the one demo ministry), with figures and
 * dates as a clerk of that language types them.
 */
const runs = {
  en: {
    // No word of it is a vocabulary id ("defence" is): the Ukrainian run's workspace lists it too.
    title: "Patriot interceptors 2026–2027",
    source: {
      title: "Ministry of Defence press release",
      kind: "official",
      url: "https://example.org/journey/en",
    },
    amount: "1,500,000",
    committedOn: "16/01/2026",
    instalments: [
      ["30/06/2026", "1,000,000"],
      ["31/03/2027", "500,000"],
    ] as const,
    delivery: { date: "15/03/2026", amount: "250,000", source: "Ministry of Defence delivery report" },
    corrected: "1,750,000",
    received: "20/03/2026",
    note: "Received at the Lviv depot.",
    receipt: { title: "Depot receipt", url: "https://example.org/journey/en/receipt" },
    dispute: {
      figure: "1,600,000",
      reason: "The signed agreement promises less than the ministry now reports.",
      source: {
        title: "The signed agreement",
        url: "https://example.org/journey/en/agreement",
        kind: "official",
      },
    },
  },
  uk: {
    title: "Перехоплювачі ППО 2026–2027",
    source: {
      title: "Прес-реліз міністерства оборони",
      kind: "official",
      url: "https://example.org/journey/uk",
    },
    amount: "1 500 000",
    committedOn: "16.01.2026",
    instalments: [
      ["30.06.2026", "1 000 000"],
      ["31.03.2027", "500 000"],
    ] as const,
    delivery: { date: "15.03.2026", amount: "250 000", source: "Звіт міністерства оборони про поставку" },
    corrected: "1 750 000",
    received: "20.03.2026",
    note: "Отримано на складі у Львові.",
    receipt: { title: "Складська накладна", url: "https://example.org/journey/uk/receipt" },
    dispute: {
      figure: "1 600 000",
      reason: "Підписана угода обіцяє менше, ніж тепер повідомляє міністерство.",
      source: { title: "Підписана угода", url: "https://example.org/journey/uk/agreement", kind: "official" },
    },
  },
} satisfies Record<Lang, unknown>;

const gbp = (amount: string) => ({ kind: "money" as const, amount, currency: "GBP" });

describe.skipIf(!hasChromium)("the whole journey with the demo accounts, in Chromium", () => {
  const app = useServerAndBrowser({ DEMO_ACCOUNTS: "true", DEMO_PASSWORD: password });

  /** The country's name as the pages write it in a language, from the reference data. */
  async function countryName(party: string, lang: Lang): Promise<string> {
    const parties = await createClient(app.server.url).v1.parties.$get({ query: { limit: "200" } });
    if (!parties.ok) throw new Error(`GET /v1/parties: ${parties.status}`);
    const found = (await parties.json()).data.find((p) => p.id === party);
    if (!found) throw new Error(`no party ${party}`);
    return (lang === "uk" ? found.nameUk : undefined) ?? found.name;
  }

  for (const lang of ["en", "uk"] as const) {
    it(`enters, reviews, publishes, corrects, confirms and disputes a promise (${lang})`, async () => {
      const url = app.server.url;
      const w = workspaceWords[lang];
      const rw = remarkWords[lang];
      const run = runs[lang];
      const shown = (amount: string) => formatMeasure(gbp(amount), { exact: true, lang });
      const workspace = `${url}?view=workspace&lang=${lang}`;
      const account = `${url}?view=account&lang=${lang}`;
      const step = (page: Page, name: string, ids: readonly string[] = []) =>
        checked(page, `journey-${lang}-${name}`, lang, ids);

      // Everyone signs in first: what waits for the approver and the verifier is read before this run adds to it.
      const editor = await signInThroughThePage(app.browser, url, demo.editor, { lang });
      const approver = await signInThroughThePage(app.browser, url, demo.approver, { lang });
      const verifier = await signInThroughThePage(app.browser, url, demo.verifier, { lang });
      const analyst = await signInThroughThePage(app.browser, url, demo.analyst, { lang });
      const waitingLink = approver.locator(".site-nav-waiting");
      await waitingLink.waitFor();
      const waitingBefore = Number(await waitingLink.getAttribute("data-waiting"));
      const queueLink = toConfirmLink(verifier);
      await expect.poll(() => queueLink.getAttribute("data-to-confirm-count")).toMatch(/^\d+$/);
      const queueBefore = Number(await queueLink.getAttribute("data-to-confirm-count"));

      // --- 1. The editor enters the promise in one form: the commitment, its committed amount, its schedule ---
      const form = await fillCommitment(editor, url, lang, w, {
        title: run.title,
        category: "air_defence.interceptors",
        amount: run.amount,
        source: run.source,
      });
      // The UK ministry's promise starts in pounds.
      expect(await form.getByLabel(w.currency).inputValue()).toBe("GBP");
      await form.getByRole("radio", { name: w.committedStage }).check();
      await form.getByLabel(w.committedOn).fill(run.committedOn);
      await addInstalments(form, w, "GBP", run.instalments);
      await step(editor, "promise-form");
      await form.getByRole("button", { name: w.saveDraft }).click();
      await editor.locator(".saved-notice").waitFor();
      const commitment = (await ownRecords(editor, "commitments", "GB")).find((c) => c.title === run.title);
      if (!commitment) throw new Error("the commitment was not written");
      expect(commitment.measure).toEqual(gbp("1500000"));

      // ...and a delivery of it, through the event form.
      await enterEvent(editor, url, lang, w, {
        commitment: w.draftOption(run.title),
        stage: "delivered",
        date: run.delivery.date,
        amount: run.delivery.amount,
        source: { title: run.delivery.source, kind: "official" },
      });
      const tranches = await partsOf<{ due: string }>(editor, "tranches", commitment.id);
      expect(tranches.map((t) => [t.due, t.measure])).toEqual([
        ["2026-06-30", gbp("1000000")],
        ["2027-03-31", gbp("500000")],
      ]);
      const events = await partsOf<{ stage: string; date: string }>(editor, "events", commitment.id);
      expect(events.map((e) => [e.stage, e.date, e.measure]).sort()).toEqual([
        ["committed", "2026-01-16", gbp("1500000")],
        ["delivered", "2026-03-15", gbp("250000")],
      ]);
      const delivery = events.find((e) => e.stage === "delivered")?.id as string;
      const key = `commitment:${commitment.id}`;
      const keys = [key, ...tranches.map((t) => `tranche:${t.id}`), ...events.map((e) => `event:${e.id}`)];
      const ids = [commitment.id, ...tranches.map((t) => t.id), ...events.map((e) => e.id)];
      await step(editor, "drafts", ids);

      // --- 2. The editor submits the five ------------------------------------------------------------------
      await submitDrafts(editor, w, keys);
      await step(editor, "submitted", ids);

      // --- 3. The approver sees how much waits, reviews the commitment and returns it with a reason ---------
      const status = async () =>
        (await ownRecords(approver, "commitments", "GB")).find((c) => c.id === commitment.id)?.status;
      await approver.goto(account);
      const nav = approver.getByRole("navigation", { name: w.accountNav, exact: true });
      const countLink = nav.getByRole("link", { name: w.workspaceCount(waitingBefore + keys.length) });
      await countLink.waitFor();
      await step(approver, "approver-count", ids);
      await countLink.click();
      const review = await openReview(approver, w, key, run.title);
      expect(await factOf(review, "title")).toBe(run.title);
      expect(await factOf(review, "donor")).toBe(await countryName("GB", lang));
      expect(await factOf(review, "category")).toBe(label("category", "air_defence.interceptors", lang));
      expect(await factOf(review, "measure")).toBe(shown("1500000"));
      await step(approver, "review", ids);
      await returnWithReason(review, w, {
        status,
        onRefused: () => step(approver, "reason-refused", ids),
      });
      await step(approver, "returned", ids);

      // --- 4. The editor reads why on the draft's row, and submits it again ---------------------------------
      await editor.goto(workspace);
      await readReturnedNote(editor, w, key, demo.approver.name);
      await step(editor, "returned-note", ids);
      await submitDrafts(editor, w, [key]);

      // --- 5. The approver publishes the five after confirming: the commitment goes first -------------------
      await approver.goto(workspace);
      for (const k of keys) await rowOf(approver, "submitted", k).getByRole("checkbox").check();
      await publishAfterConfirming(approver.locator(".workspace-submitted"), w, keys.length, {
        status,
        onConfirming: () => step(approver, "confirm-publish", ids),
      });
      expect(await approver.locator(".bulk-outcome h2").textContent()).toBe(w.publishedMany(keys.length));
      for (const kind of ["tranches", "events"] as const)
        for (const part of await partsOf(approver, kind, commitment.id))
          expect(part.status).toBe("published");
      await step(approver, "published", ids);

      // --- 6. The editor corrects the published amount; the approver reads the change and publishes it -------
      await editor.goto(workspace);
      await proposeAmount(editor, w, { key, title: run.title, amount: run.corrected });
      await step(editor, "correction-proposed", ids);
      await approver.goto(account);
      await nav.getByRole("link", { name: w.workspaceCount(waitingBefore + 1) }).click();
      const { item, proposalId } = await readAmountChange(approver, key, {
        before: new RegExp(`^${shown("1500000")}$`),
        after: new RegExp(`^${shown("1750000")}$`),
      });
      await step(approver, "proposal-diff", [...ids, proposalId]);
      await publishProposal(item, w);
      await step(approver, "proposal-published", [...ids, proposalId]);
      const reader = await publicCommitment(app.browser, url, lang, {
        id: commitment.id,
        title: run.title,
        figure: shown("1750000"),
      });
      await step(reader, "public-corrected", ids);

      // --- 7. Ukraine's verifier sees the delivery waiting, and confirms its receipt --------------------------
      await verifier.goto(account);
      await expect.poll(() => queueLink.textContent()).toBe(rw.toConfirm(queueBefore + 1));
      await step(verifier, "verifier-count", ids);
      await queueLink.click();
      await verifier.getByRole("heading", { level: 1, name: rw.queueTitle }).waitFor();
      const waiting = verifier.locator(`table[data-to-confirm] tr[data-event="${delivery}"]`);
      await waiting.waitFor();
      expect(await waiting.getByRole("link").textContent()).toBe(run.title);
      expect(await waiting.locator("td.num").textContent()).toBe(shown("250000"));
      await step(verifier, "queue", ids);
      await waiting.getByRole("button", { name: rw.confirmButton }).click();
      const confirmation = confirmationForm(verifier);
      await confirmation.waitFor();
      await step(verifier, "confirm-form", ids);
      await confirmReceipt(confirmation, rw, { received: run.received, note: run.note, source: run.receipt });
      await expect.poll(() => queueLink.textContent()).toBe(rw.toConfirm(queueBefore));
      await step(verifier, "confirmed", ids);
      const event = await createClient(url).v1.events[":id"].$get({ param: { id: delivery }, query: {} });
      if (!event.ok) throw new Error(`GET /v1/events/${delivery}: ${event.status}`);
      expect((await event.json()).data.confidence).toBe("confirmed_by_recipient");

      // --- 8. An NGO's analyst disputes the promised figure; the public sees the dispute --------------------
      await analyst.goto(`${url}?commitment=${commitment.id}&lang=${lang}`);
      await analyst.locator(".commitment-remarks").getByRole("button", { name: rw.disputeButton }).click();
      const dispute = disputeForm(analyst);
      await dispute.waitFor();
      await fillDispute(dispute, rw, { unit: "GBP", ...run.dispute });
      await step(analyst, "dispute-form", ids);
      await dispute.getByRole("button", { name: rw.recordDispute }).click();
      await analyst.getByText(rw.disputed).waitFor();
      await step(analyst, "disputed", ids);
      const disputes = await createClient(url).v1.disputes.$get({
        query: { targetKind: "commitment", targetId: commitment.id },
      });
      if (!disputes.ok) throw new Error(`GET /v1/disputes: ${disputes.status}`);
      const written = (await disputes.json()).data;
      expect(written.map((d) => [d.status, d.figure])).toEqual([["open", gbp("1600000")]]);
      // A new reader: a browser keeps a public answer a minute (its Cache-Control) before asking again.
      await reader.close();
      const later = await publicCommitment(app.browser, url, lang, {
        id: commitment.id,
        title: run.title,
        figure: shown("1750000"),
      });
      const facts = later.locator(".commitment .facts").first();
      await expect.poll(() => facts.textContent()).toContain(rw.openDisputeBy(ngoName));
      expect(await facts.locator(".disputed-figure").textContent()).toBe(shown("1600000"));
      await step(later, "public-disputed", [...ids, ...written.map((d) => d.id)]);
      // The history tells every step, each in the reader's words: who did it, what it changed, and why.
      if (lang === "uk") await inUkrainian(later.locator(".history-table"));

      for (const page of [editor, approver, verifier, analyst]) await page.context().close();
      await later.close();
    });
  }
});
