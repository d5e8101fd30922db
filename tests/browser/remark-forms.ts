import type { Locator, Page } from "playwright-core";
import type { Lang } from "./visible-text.ts";

/*
 * The forms a recipient's verifier and an NGO's analyst write on a published record with, on the commitment's
 * page and the verifier's queue: their words in both languages, and the forms filled as a person fills them.
 */

const words = {
  en: {
    confirmReceipt: "Confirm receipt",
    confirmButton: /Confirm receipt/,
    received: "Date received",
    note: "Note (optional)",
    confirmed: "Receipt confirmed",
    queueTitle: "Deliveries to confirm",
    toConfirm: (n: number) => `To confirm (${n})`,
    disputeButton: /Dispute this figure/,
    figure: (unit: string) => `Your organisation’s figure (${unit})`,
    reason: "Reason",
    sourceTitle: "Title",
    webAddress: "Web address",
    kindOfSource: "Kind of source",
    recordDispute: "Record the dispute",
    disputed: "Your dispute is recorded and shown beside the figure.",
    openDisputeBy: (organisation: string) => `Open dispute by ${organisation}`,
  },
  uk: {
    confirmReceipt: "Підтвердити отримання",
    confirmButton: /Підтвердити отримання/,
    received: "Дата отримання",
    note: "Примітка (необов’язково)",
    confirmed: "Отримання підтверджено",
    queueTitle: "Поставки до підтвердження",
    toConfirm: (n: number) => `До підтвердження (${n})`,
    disputeButton: /Оскаржити цю цифру/,
    figure: (unit: string) => `Цифра вашої організації (${unit})`,
    reason: "Причина",
    sourceTitle: "Назва",
    webAddress: "Вебадреса",
    kindOfSource: "Тип джерела",
    recordDispute: "Записати оскарження",
    disputed: "Ваше оскарження записано; його показано поруч із цифрою.",
    openDisputeBy: (organisation: string) => `Відкрите оскарження від ${organisation}`,
  },
} satisfies Record<Lang, unknown>;

export type RemarkWords = (typeof words)["en"];
export const remarkWords: Record<Lang, RemarkWords> = words;

/** The header's link to a verifier's queue, with its count. */
export const toConfirmLink = (page: Page) => page.locator(".site-nav a[href*='view=to-confirm']");

/** The confirmation form once opened. */
export const confirmationForm = (page: Page) => page.locator("form[data-remark-form='confirmation']");

/**
 * Fills the open confirmation of receipt (what is given: the date received, as the verifier writes it, a note,
 * a source) and confirms it; the page then says the receipt is confirmed.
 */
export async function confirmReceipt(
  form: Locator,
  w: RemarkWords,
  entry: { received?: string; note?: string; source?: { title: string; url: string } },
): Promise<void> {
  if (entry.received !== undefined) await form.getByLabel(w.received).fill(entry.received);
  if (entry.note !== undefined) await form.getByLabel(w.note).fill(entry.note);
  if (entry.source) {
    await form.getByLabel(w.sourceTitle).fill(entry.source.title);
    await form.getByLabel(w.webAddress).fill(entry.source.url);
  }
  await form.getByRole("button", { name: w.confirmReceipt }).click();
  await form.page().getByRole("status").filter({ hasText: w.confirmed }).waitFor();
}

/** The dispute form once opened. */
export const disputeForm = (page: Page) => page.locator('form[data-remark-form="dispute"]');

/** Fills the open dispute form: the organisation's figure as typed, why, and a source of evidence; not sent. */
export async function fillDispute(
  form: Locator,
  w: RemarkWords,
  entry: {
    unit: string;
    figure: string;
    reason: string;
    source: { title: string; url: string; kind: string };
  },
): Promise<void> {
  await form.getByLabel(w.figure(entry.unit)).fill(entry.figure);
  await form.getByLabel(w.reason).fill(entry.reason);
  await form.getByLabel(w.sourceTitle).fill(entry.source.title);
  await form.getByLabel(w.webAddress).fill(entry.source.url);
  await form.getByLabel(w.kindOfSource).selectOption(entry.source.kind);
}
