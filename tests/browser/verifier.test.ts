import { createClient } from "@commitments/api/client";
import { label } from "@commitments/core/vocabulary";
import { formatMeasure, formatPartialDate } from "@commitments/web/format";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createAdmin, signIn } from "../server.ts";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";
import { signInThroughThePage } from "./ministry-setup.ts";
import { confirmationForm, confirmReceipt, remarkWords, toConfirmLink } from "./remark-forms.ts";
import { type Lang, showsNoIdsOrEnums } from "./visible-text.ts";

/*
 * The recipient's verifier, end to end in Chromium: a donor ministry publishes three deliveries to Ukraine through
 * the API; Ukraine's verifier sees how many wait for confirmation, opens the queue, confirms one in place, is told
 * in plain words when a colleague confirmed another first, and confirms the last from its row on the commitment
 * page, in English and in Ukrainian, until nothing waits.
 */

const donor = "NO";
const people = {
  editor: { email: "editor@no-mod.invalid", name: "Nora Editor", password: "no-ministry-editor-pass-0123" },
  approver: {
    email: "approver@no-mod.invalid",
    name: "Nils Approver",
    password: "no-ministry-approver-pass-0123",
  },
  verifier: { email: "verifier@ua-mod.invalid", name: "Olena Verifier", password: "ua-verifier-pass-0123" },
  colleague: {
    email: "colleague@ua-mod.invalid",
    name: "Taras Verifier",
    password: "ua-colleague-pass-0123",
  },
};
const ministryName = "Test Ministry of Defence of Ukraine";
const sources = [
  { title: "Ministry press release", kind: "official" as const, url: "https://example.org/press/1" },
];
const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });
const commitment = {
  id: "no-demining-kit-2025",
  title: "Demining equipment 2025",
  amount: "900000",
};
// Recorded in this order; the queue lists January's first.
const march = { id: "no-demining-kit-2025-march", date: "2025-03-15", amount: "250000" };
const may = { id: "no-demining-kit-2025-may", date: "2025-05", amount: "100000" };
const january = { id: "no-demining-kit-2025-january", date: "2025-01-20", amount: "150000" };
const deliveries = [march, may, january];

type Person = (typeof people)[keyof typeof people];

/** An API client signed in as one person, writing with the session's CSRF token, as the web page writes. */
async function clientOf(url: string, who: Person) {
  const { cookie, csrfToken } = await signIn(url, who);
  return {
    cookie,
    csrfToken,
    client: createClient(url, { headers: { Cookie: cookie, "X-CSRF-Token": csrfToken } }),
  };
}

/** Moves a record on in its workflow (submitted, then published), based on the version read just before. */
async function move(url: string, who: { cookie: string; csrfToken: string }, path: string, status: string) {
  const read = await fetch(new URL(`${path}?drafts=include`, url), { headers: { Cookie: who.cookie } });
  const etag = read.headers.get("etag");
  if (read.status !== 200 || !etag) throw new Error(`GET ${path}: ${read.status}`);
  const moved = await fetch(new URL(`${path}/status`, url), {
    method: "POST",
    headers: {
      Cookie: who.cookie,
      "X-CSRF-Token": who.csrfToken,
      "content-type": "application/json",
      "if-match": etag,
    },
    body: JSON.stringify({ status }),
  });
  if (moved.status !== 200)
    throw new Error(`POST ${path}/status ${status}: ${moved.status} ${await moved.text()}`);
}

/** No id or enum value shown; an English page says "Disbursed" of money, never a bare "delivered". */
const expectNoIds = (page: Page, lang: Lang) =>
  showsNoIdsOrEnums(page, lang, [], lang === "en" ? /\bdelivered\b/ : undefined);

describe.skipIf(!hasChromium)("a recipient's verifier confirms deliveries in Chromium", () => {
  const app = useServerAndBrowser({}, { beforeStart: (dataDir) => createAdmin(dataDir) });

  // Norway's ministry (an editor and an approver) and Ukraine's (a verifier), as an administrator sets them up;
  // then Norway's ministry publishes a commitment to Ukraine and three deliveries of it, as it would through the API.
  beforeAll(async () => {
    const url = app.server.url;
    const admin = await signIn(url);
    const client = createClient(url, { headers: { Cookie: admin.cookie, "X-CSRF-Token": admin.csrfToken } });
    for (const [organisation, members] of [
      [
        { kind: "partner_ministry", name: "Test Ministry of Defence of Norway", party: donor },
        [
          [people.editor, ["ministry_editor"]],
          [people.approver, ["ministry_approver"]],
        ],
      ],
      [
        { kind: "beneficiary_ministry", name: ministryName, party: "UA" },
        [
          [people.verifier, ["recipient_verifier"]],
          [people.colleague, ["recipient_verifier"]],
        ],
      ],
    ] as const) {
      const created = await client.v1.organisations.$post({ json: organisation });
      if (created.status !== 201) throw new Error(`POST /v1/organisations answered ${created.status}`);
      const { id } = (await created.json()).data;
      for (const [who, roles] of members) {
        const user = await client.v1.organisations[":id"].users.$post({
          param: { id },
          json: { email: who.email, name: who.name, roles: [...roles], password: who.password },
        });
        if (user.status !== 201) throw new Error(`POST users answered ${user.status}: ${await user.text()}`);
      }
    }

    const editor = await clientOf(url, people.editor);
    const drafted = await editor.client.v1.commitments.$post({
      header: {},
      json: {
        id: commitment.id,
        donor,
        recipient: "UA",
        title: commitment.title,
        category: "demining",
        measure: eur(commitment.amount),
        measureBasis: "total",
        sources,
      },
    });
    if (drafted.status !== 201)
      throw new Error(`POST /v1/commitments: ${drafted.status} ${await drafted.text()}`);
    for (const d of deliveries) {
      const event = await editor.client.v1.events.$post({
        header: {},
        json: {
          id: d.id,
          commitment: commitment.id,
          stage: "delivered",
          date: d.date,
          measure: eur(d.amount),
          confidence: "reported_by_donor",
          sources,
        },
      });
      if (event.status !== 201) throw new Error(`POST /v1/events: ${event.status} ${await event.text()}`);
    }
    const approver = await clientOf(url, people.approver);
    const records = [`/v1/commitments/${commitment.id}`, ...deliveries.map((d) => `/v1/events/${d.id}`)];
    for (const path of records) await move(url, editor, path, "submitted");
    for (const path of records) await move(url, approver, path, "published");
  });

  it("in English: sees the count, opens the queue oldest first, confirms one in place and sees it confirmed", async () => {
    const page = await signInThroughThePage(app.browser, app.server.url, people.verifier, { lang: "en" });
    const link = toConfirmLink(page);
    await expect.poll(() => link.textContent()).toBe("To confirm (3)");
    await checkPage(page, "verifier-account");
    await link.click();
    await page.getByRole("heading", { level: 1, name: "Deliveries to confirm" }).waitFor();
    const rows = page.locator("table[data-to-confirm] tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    // The oldest first, each with its donor, commitment, date and amount as the public pages write them.
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-event")))).toEqual([
      january.id,
      march.id,
      may.id,
    ]);
    const first = rows.first();
    expect(await first.locator("td").nth(0).textContent()).toBe(formatPartialDate(january.date, "en"));
    expect(await first.locator("td").nth(1).textContent()).toBe("Norway");
    expect(await first.getByRole("link").textContent()).toBe(commitment.title);
    expect(await first.locator("td.num").textContent()).toBe(
      formatMeasure(eur(january.amount), { exact: true, lang: "en" }),
    );
    await expectNoIds(page, "en");
    await checkPage(page, "verifier-queue");

    await first.getByRole("button", { name: /Confirm receipt/ }).click();
    const form = confirmationForm(page);
    await form.waitFor();
    // The date received defaults to today; a day-first date, as the verifier writes it, is taken as well.
    expect(await form.getByLabel("Date received").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel("Date received").fill("31.02.2025");
    await form.getByRole("button", { name: "Confirm receipt" }).click();
    await form.locator(".field-error").first().waitFor();
    expect(await form.getByLabel("Date received").getAttribute("aria-invalid")).toBe("true");
    await checkPage(page, "verifier-confirm-form-error");
    await confirmReceipt(form, remarkWords.en, {
      received: "22.01.2025",
      note: "Received at the Lviv depot, all units working.",
    });
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => link.textContent()).toBe("To confirm (2)");
    await checkPage(page, "verifier-queue-one-confirmed");

    // On the commitment's page the confirmed delivery says so, in the vocabulary's words, beside the figure.
    await page.goto(`${app.server.url}?commitment=${commitment.id}&lang=en`);
    const confirmed = page.locator(`tr[data-event='${january.id}']`);
    await confirmed.waitFor();
    expect(await confirmed.textContent()).toContain(label("confidence", "confirmed_by_recipient", "en"));
    expect(await confirmed.getByRole("button", { name: /Confirm receipt/ }).count()).toBe(0);
    const remark = await page.locator(`tr[data-remarks-of='${january.id}']`).textContent();
    expect(remark).toContain(`by ${ministryName} on ${formatPartialDate("2025-01-22", "en")}`);
    expect(remark).toContain("Received at the Lviv depot");
    // The other delivery still waits, and offers the verifier its confirmation.
    await page
      .locator(`tr[data-event='${march.id}']`)
      .getByRole("button", { name: /Confirm receipt/ })
      .waitFor();
    await expectNoIds(page, "en");
    await checkPage(page, "verifier-commitment-confirmed");
  });

  it("says so in plain words when a colleague confirmed the delivery first, and shows it confirmed", async () => {
    const page = await signInThroughThePage(app.browser, app.server.url, people.verifier, { lang: "en" });
    await page.goto(`${app.server.url}?commitment=${commitment.id}&lang=en`);
    const row = page.locator(`tr[data-event='${may.id}']`);
    await row.getByRole("button", { name: /Confirm receipt/ }).click();
    const form = confirmationForm(page);
    await form.waitFor();

    // Meanwhile a colleague confirms the same delivery, as the version both read.
    const colleague = await signIn(app.server.url, people.colleague);
    const path = `/v1/events/${may.id}`;
    const read = await fetch(new URL(path, app.server.url), { headers: { Cookie: colleague.cookie } });
    const confirmed = await fetch(new URL(`${path}/confirmations`, app.server.url), {
      method: "POST",
      headers: {
        Cookie: colleague.cookie,
        "X-CSRF-Token": colleague.csrfToken,
        "content-type": "application/json",
        "if-match": read.headers.get("etag") ?? "",
      },
      body: JSON.stringify({ received: "2025-05" }),
    });
    expect(confirmed.status).toBe(201);

    await form.getByRole("button", { name: "Confirm receipt" }).click();
    const refusal = form.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      "Someone changed this delivery after you opened the page, so nothing was recorded. The page now shows the current record: check it, then confirm again.",
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
    // The page reads the delivery again: confirmed by the colleague, with nothing left to confirm on it.
    await expect.poll(() => row.textContent()).toContain(label("confidence", "confirmed_by_recipient", "en"));
    expect(await row.getByRole("button", { name: /Confirm receipt/ }).count()).toBe(0);
    await expectNoIds(page, "en");
    await checkPage(page, "verifier-confirm-stale");
  });

  it("in Ukrainian: goes from the workspace to the queue, confirms from the commitment's row, and nothing waits", async () => {
    const page = await signInThroughThePage(app.browser, app.server.url, people.verifier, { lang: "uk" });
    const link = toConfirmLink(page);
    await expect.poll(() => link.textContent()).toBe("До підтвердження (1)");

    // The workspace keeps no records for a verifier, and says where its own work is.
    await page.goto(`${app.server.url}?view=workspace&lang=uk`);
    const pointer = page.locator(".workspace-page .empty-state");
    await pointer.waitFor();
    expect(await pointer.textContent()).not.toContain("не дозволяють");
    await checkPage(page, "verifier-workspace-uk");
    await pointer.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "Поставки до підтвердження" }).waitFor();
    const rows = page.locator("table[data-to-confirm] tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator("td").nth(0).textContent()).toBe(formatPartialDate(march.date, "uk"));
    expect(await rows.first().locator("td.num").textContent()).toBe(
      formatMeasure(eur(march.amount), { exact: true, lang: "uk" }),
    );
    await expectNoIds(page, "uk");
    await checkPage(page, "verifier-queue-uk");

    // The queue links the delivery on its commitment's page, where it is confirmed from its row.
    await rows.first().getByRole("link", { name: commitment.title }).click();
    const row = page.locator(`tr[data-event='${march.id}']`);
    await row.waitFor();
    expect(await row.getAttribute("class")).toContain("event-linked");
    await row.getByRole("button", { name: /Підтвердити отримання/ }).click();
    const form = confirmationForm(page);
    await form.waitFor();
    await checkPage(page, "verifier-confirm-form-uk");
    await confirmReceipt(form, remarkWords.uk, { note: "Отримано на складі у Києві." });
    await expect.poll(() => row.textContent()).toContain(label("confidence", "confirmed_by_recipient", "uk"));
    expect(await page.locator(`tr[data-remarks-of='${march.id}']`).textContent()).toContain(
      "Отримано на складі у Києві.",
    );
    await expect.poll(() => link.textContent()).toBe("До підтвердження (0)");
    await expectNoIds(page, "uk");
    await checkPage(page, "verifier-commitment-confirmed-uk");

    await link.click();
    await page.getByRole("heading", { level: 1, name: "Поставки до підтвердження" }).waitFor();
    await page.locator(".to-confirm-page .empty-state").waitFor();
    expect(await page.locator("table[data-to-confirm]").count()).toBe(0);
    await expectNoIds(page, "uk");
    await checkPage(page, "verifier-queue-empty-uk");
  });
});
