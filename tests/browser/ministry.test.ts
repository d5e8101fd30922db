import { createClient } from "@commitments/api/client";
import type { Locator } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createAdmin, signIn } from "../server.ts";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";
import {
  approver,
  description,
  editor,
  ownRecords,
  party,
  setUpMinistry,
  signInThroughThePage,
} from "./ministry-setup.ts";

/*
 * The ministry workspace, end to end in Chromium: a partner ministry's editor imports a file of its country's
 * records as drafts and submits them; an approver of the same ministry publishes them; the public then reads them.
 * The record forms check every field in the browser, place the API's refusals at their fields, and tell the
 * person when someone else changed the record first.
 */

/** A template CSV written cell by cell, as a ministry's spreadsheet would save it. */
function templateCsv(header: string[], rows: Record<string, string>[]): string {
  const line = (cells: string[]) => `${cells.join(",")}\r\n`;
  return line(header) + rows.map((cells) => line(header.map((name) => cells[name] ?? ""))).join("");
}

const source = {
  source_title: "Ministry of Defence press release",
  source_kind: "official",
  source_url: "https://example.org/press/2025-01",
};

/** Two commitments of the ministry's country, one with a second source, a tranche and two stage events. */
const importRows: Record<string, string>[] = [
  {
    record: "commitment",
    id: "no-air-defence-2025",
    donor: party,
    recipient: "UA",
    category: "air_defence.systems",
    title: "Air defence package 2025",
    measure_basis: "total",
    amount: "1500000",
    currency: "EUR",
    ...source,
  },
  {
    record: "source",
    id: "no-air-defence-2025",
    source_title: "Parliamentary answer",
    source_kind: "official",
  },
  {
    record: "tranche",
    id: "no-air-defence-2025-t1",
    commitment: "no-air-defence-2025",
    position: "1",
    date: "2025-06",
    amount: "750000",
    currency: "EUR",
  },
  {
    record: "event",
    id: "no-air-defence-2025-delivered",
    commitment: "no-air-defence-2025",
    stage: "delivered",
    date: "2025-03",
    amount: "500000",
    currency: "EUR",
    confidence: "reported_by_donor",
    ...source,
  },
  {
    record: "commitment",
    id: "no-demining-2025",
    donor: party,
    recipient: "UA",
    category: "demining",
    title: "Demining support 2025",
    measure_basis: "total",
    amount: "200000",
    currency: "EUR",
    ...source,
  },
  {
    record: "event",
    id: "no-demining-2025-pledged",
    commitment: "no-demining-2025",
    stage: "pledged",
    date: "2025-01",
    amount: "200000",
    currency: "EUR",
    confidence: "reported_by_donor",
    ...source,
  },
];
const importedKeys = [
  "commitment:no-air-defence-2025",
  "tranche:no-air-defence-2025-t1",
  "event:no-air-defence-2025-delivered",
  "commitment:no-demining-2025",
  "event:no-demining-2025-pledged",
];

/** The record keys of a workspace table's rows, in page order. */
async function rowKeys(table: Locator): Promise<(string | null)[]> {
  return Promise.all((await table.locator("tbody tr").all()).map((row) => row.getAttribute("data-record")));
}

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("the ministry workspace in Chromium", () => {
  const app = useServerAndBrowser({}, { beforeStart: (dataDir) => createAdmin(dataDir) });

  beforeAll(() => setUpMinistry(app.server.url));

  it("imports a file as drafts, submits them, has them published by the approver, and shows them to the public", async () => {
    const url = app.server.url;
    const blank = await fetch(new URL("/v1/imports/template.csv", url));
    const header = (await blank.text()).trim().split(",");

    // --- The editor signs in, finds the workspace, and goes from it to the import page ----------------------
    const page = await signInThroughThePage(app.browser, url, editor);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workspace" }).click();
    await page.getByRole("heading", { level: 1, name: "Ministry workspace" }).waitFor();
    expect(await page.locator(".workspace-page .lede").first().textContent()).toContain("Norway");
    await page.locator(".workspace-draft .empty-state").waitFor();
    await checkPage(page, "ministry-workspace-empty");
    await page
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Import a file" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Import a file" }).waitFor();

    // --- A dry run: every record counted, nothing written ----------------------------------------------------
    const fileField = page.getByLabel("File", { exact: true });
    await fileField.setInputFiles({
      name: "norway-2025.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(templateCsv(header, importRows)),
    });
    await page.getByRole("button", { name: "Check (dry run)" }).click();
    const report = page.locator(".import-report");
    await report.getByRole("heading", { name: "Dry run: nothing written" }).waitFor();
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (await report.locator("table.import-counts tbody tr").all()).map(async (row) => [
            await row.getAttribute("data-kind"),
            (await row.locator("td").allTextContents()).map((n) => Number(n.replaceAll(",", ""))),
          ]),
        ),
      );
    expect(await counts()).toEqual({ commitments: [2, 2], tranches: [1, 1], events: [2, 2] });
    expect(await report.locator("table.import-problems").count()).toBe(0);
    expect(await report.textContent()).toContain("5 rows read, no problems, no warnings");
    expect(await ownRecords(page, "commitments")).toEqual([]);
    await checkPage(page, "ministry-import-report");

    // --- The import: the ministry's drafts, reviewed next in the workspace -----------------------------------
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const imported = report.getByRole("heading", { name: /^Imported as change set \d+$/ });
    await imported.waitFor();
    const changeSet = Number((await imported.textContent())?.match(/\d+$/)?.[0]);
    expect(await report.textContent()).toContain("your organisation's drafts");
    for (const id of ["no-air-defence-2025", "no-demining-2025"]) {
      const publicRead = await createClient(url).v1.commitments[":id"].$get({ param: { id }, query: {} });
      expect(publicRead.status).toBe(404);
    }
    await report.getByRole("link", { name: "Review and submit these drafts" }).click();
    await page.getByRole("heading", { level: 1, name: "Ministry workspace" }).waitFor();
    expect(new URL(page.url()).searchParams.get("changeSet")).toBe(String(changeSet));
    const drafts = page.locator(".workspace-draft table");
    await drafts.waitFor();
    expect((await rowKeys(drafts)).sort()).toEqual([...importedKeys].sort());
    // Grouped under their commitment: a commitment, then its tranche and events.
    expect(await rowKeys(drafts)).toEqual([
      "commitment:no-air-defence-2025",
      "tranche:no-air-defence-2025-t1",
      "event:no-air-defence-2025-delivered",
      "commitment:no-demining-2025",
      "event:no-demining-2025-pledged",
    ]);
    const firstRow = drafts.locator('tr[data-record="commitment:no-air-defence-2025"]');
    expect(await firstRow.textContent()).toContain("Air defence package 2025");
    expect(await firstRow.textContent()).toContain("€1,500,000");
    expect(await firstRow.textContent()).toContain("Draft");
    await expect.poll(() => firstRow.locator("td").nth(5).textContent()).toContain(editor.name);
    // An editor submits; publishing is not offered to them.
    expect(await page.getByRole("button", { name: /^Publish selected/ }).count()).toBe(0);
    await checkPage(page, "ministry-workspace-drafts");

    // --- Submit: all five selected at once -------------------------------------------------------------------
    await page.getByRole("checkbox", { name: "Select all: Drafts" }).check();
    await page.getByRole("button", { name: "Submit selected for approval (5)" }).click();
    const outcome = page.locator(".bulk-outcome");
    await outcome.getByRole("heading", { name: "5 of 5 records submitted for approval" }).waitFor();
    expect(await outcome.locator(".bulk-failures").count()).toBe(0);
    await expect.poll(() => page.evaluate("document.activeElement?.id")).toBe("bulk-outcome-title");
    const submitted = page.locator(".workspace-submitted table");
    await expect.poll(async () => (await rowKeys(submitted)).length).toBe(5);
    expect(await page.locator(".workspace-draft .empty-state").textContent()).toBe("No drafts.");
    for (const kind of ["commitments", "tranches", "events"] as const)
      for (const record of await ownRecords(page, kind)) expect(record.status).toBe("submitted");
    await page.context().close();

    // --- The approver, in Ukrainian, publishes them --------------------------------------------------------
    const approverPage = await signInThroughThePage(app.browser, url, approver, { lang: "uk" });
    await approverPage.goto(`${url}?view=workspace&lang=uk`);
    await approverPage.getByRole("heading", { level: 1, name: "Робочий простір міністерства" }).waitFor();
    const waiting = approverPage.locator(".workspace-submitted table");
    await waiting.waitFor();
    expect((await rowKeys(waiting)).sort()).toEqual([...importedKeys].sort());
    const firstWaiting = await waiting.locator("tbody tr").first().textContent();
    expect(firstWaiting).toContain("Подано на затвердження");
    // Numbers in the Ukrainian way (Intl, uk-UA): the digits grouped by spaces, the currency after them.
    expect(firstWaiting).toMatch(/1\s500\s000\sEUR/);
    // An approver keeps no records of their own: no forms, nothing to submit; publishing and returning instead.
    expect(await approverPage.getByRole("link", { name: "Нове зобов’язання" }).count()).toBe(0);
    expect(await approverPage.getByRole("button", { name: /^Подати вибрані/ }).count()).toBe(0);
    await approverPage.getByRole("button", { name: "Повернути на доопрацювання (0)" }).waitFor();
    await checkPage(approverPage, "ministry-workspace-approver-uk");

    // Nothing selected: the page says so rather than doing nothing.
    await approverPage.getByRole("button", { name: "Опублікувати вибрані (0)" }).click();
    await approverPage.getByText("Спершу виберіть хоча б один запис.").waitFor();
    // A tranche before its commitment: refused, and the reason listed with it in the page's language.
    await approverPage.getByRole("checkbox", { name: /^Вибрати: транш/ }).check();
    await approverPage.getByRole("button", { name: "Опублікувати вибрані (1)" }).click();
    // Publishing is confirmed first: the page says what becomes public.
    await approverPage.getByRole("button", { name: "Так, опублікувати", exact: true }).click();
    const outcomeUk = approverPage.locator(".bulk-outcome");
    await outcomeUk.getByRole("heading", { name: "Опубліковано 0 з 1 запису" }).waitFor();
    const refusalUk = await outcomeUk
      .locator('.bulk-failures li[data-record="tranche:no-air-defence-2025-t1"]')
      .textContent();
    expect(refusalUk).toContain(
      "Зобов’язання «Air defence package 2025» ще не опубліковано: спершу опублікуйте зобов’язання",
    );
    expect(refusalUk).not.toContain("Publish its commitment");
    await checkPage(approverPage, "ministry-publish-refused-uk");
    await approverPage.getByRole("checkbox", { name: "Вибрати всі: Подано на затвердження" }).check();
    // Returning them all asks one reason first, and refuses none at its field: nothing is sent.
    await approverPage.getByRole("button", { name: "Повернути на доопрацювання (5)" }).click();
    const bulkReason = approverPage.getByLabel("Чому повернуто ці записи (5)");
    await approverPage.getByRole("button", { name: "Повернути на доопрацювання 5 записів" }).click();
    await expect.poll(() => bulkReason.getAttribute("aria-invalid")).toBe("true");
    await checkPage(approverPage, "ministry-bulk-return-reason-uk");
    for (const record of await ownRecords(approverPage, "commitments"))
      expect(record.status).toBe("submitted");
    await approverPage.getByRole("button", { name: "Скасувати" }).click();
    await approverPage.getByRole("button", { name: "Опублікувати вибрані (5)" }).click();
    await approverPage.getByRole("button", { name: "Так, опублікувати 5 записів" }).click();
    await approverPage
      .locator(".bulk-outcome")
      .getByRole("heading", { name: "Опубліковано 5 з 5 записів" })
      .waitFor();
    await approverPage.locator(".workspace-submitted .empty-state").waitFor();
    await checkPage(approverPage, "ministry-workspace-published-uk");

    // --- The public: the commitment's page shows it, and the API reads it as published ---------------------
    const publicPage = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await publicPage.goto(`${url}?commitment=no-air-defence-2025`);
    await publicPage.getByRole("heading", { level: 1, name: "Air defence package 2025" }).waitFor();
    await publicPage.locator('section.schedule tr[data-tranche="no-air-defence-2025-t1"]').waitFor();
    await publicPage.locator('section.events tr[data-event="no-air-defence-2025-delivered"]').waitFor();
    await checkPage(publicPage, "ministry-public-commitment");
    const read = await createClient(url).v1.commitments[":id"].$get({
      param: { id: "no-air-defence-2025" },
      query: {},
    });
    if (!read.ok) throw new Error(`the public read answered ${read.status}`);
    const { data } = await read.json();
    expect(data.commitment).toMatchObject({
      status: "published",
      donor: party,
      title: "Air defence package 2025",
    });
    expect(data.commitment.sources.map((s) => s.title)).toEqual([
      "Ministry of Defence press release",
      "Parliamentary answer",
    ]);
    expect(data.schedule.map((t) => [t.id, t.status])).toEqual([["no-air-defence-2025-t1", "published"]]);
    expect(data.events.map((e) => [e.id, e.status])).toEqual([
      ["no-air-defence-2025-delivered", "published"],
    ]);
    // Every step is in the ministry's history, by the person who took it; the public's has the published version.
    const own = await signIn(url, editor);
    const history = await createClient(url, { headers: { Cookie: own.cookie } }).v1.commitments[
      ":id"
    ].history.$get({ param: { id: "no-air-defence-2025" } });
    if (!history.ok) throw new Error(`the history answered ${history.status}`);
    const versions = (await history.json()).data.versions;
    expect(versions.map((v) => v.action)).toEqual(["create", "submit", "publish"]);
    expect(versions[2]?.actor).toContain(approver.name);
    const shown = await createClient(url).v1.commitments[":id"].history.$get({
      param: { id: "no-air-defence-2025" },
    });
    if (!shown.ok) throw new Error(`the public history answered ${shown.status}`);
    expect((await shown.json()).data.versions.map((v) => [v.version, v.action])).toEqual([[3, "publish"]]);
    await approverPage.context().close();
    await publicPage.close();
  });

  it("checks a form at its fields, writes nothing when it is wrong, and tells of a change made meanwhile", async () => {
    const url = app.server.url;
    const page = await signInThroughThePage(app.browser, url, editor);
    const before = (await ownRecords(page, "commitments")).length;
    await page.goto(`${url}?view=workspace`);
    await page.getByRole("link", { name: "New commitment" }).click();
    const form = page.locator("#commitment-form");
    await form.getByRole("heading", { name: "New commitment" }).waitFor();
    // The donor is the ministry's own country, not a choice.
    await expect.poll(() => form.getByLabel("Donor").inputValue()).toBe("Norway");
    expect(await form.getByLabel("Donor").isEditable()).toBe(false);

    // --- Wrong in the browser: each message at its field, a summary linking to them, nothing sent -----------
    const title = form.getByLabel("Title", { exact: true }).first();
    await title.fill("Patriot interceptors for 2026");
    await form.getByLabel("Category").selectOption("air_defence.interceptors");
    const amount = form.getByLabel("Amount", { exact: true });
    await amount.fill("1,5 million");
    await form.getByLabel("From", { exact: true }).fill("2026-13");
    await form.getByRole("button", { name: "Save draft" }).click();
    const summary = form.locator(".error-summary");
    await summary.waitFor();
    await expect.poll(() => page.evaluate("document.activeElement?.className")).toBe("error-summary");
    expect(await amount.getAttribute("aria-invalid")).toBe("true");
    expect(await description(amount)).toContain("Write the amount as 1,250,000.50 or 1250000.50");
    const from = form.getByLabel("From", { exact: true });
    expect(await description(from)).toContain("Write the date as 31/03/2027");
    const sourceTitle = form.getByRole("group", { name: "Source 1" }).getByLabel("Title");
    expect(await sourceTitle.getAttribute("aria-invalid")).toBe("true");
    expect(await description(sourceTitle)).toContain("Fill this in");
    expect(await title.getAttribute("aria-invalid")).toBeNull();
    const links = await summary.getByRole("link").allTextContents();
    expect(links).toContain(
      "Amount: Write the amount as 1,250,000.50 or 1250000.50 (a currency sign such as £ may stand before it)",
    );
    expect(links).toContain("Source 1: Kind of source: Choose one of the options");
    // A link in the summary takes the person to the field.
    await summary.getByRole("link", { name: /^Amount:/ }).click();
    await expect
      .poll(() => page.evaluate("document.activeElement?.id"))
      .toBe("commitment-form-measure-amount");
    await checkPage(page, "ministry-form-errors");
    expect((await ownRecords(page, "commitments")).length).toBe(before);

    // The same form in Ukrainian, its messages in Ukrainian.
    await page.goto(`${url}?view=workspace&form=commitment&lang=uk`);
    const formUk = page.locator("#commitment-form");
    await formUk.getByRole("heading", { name: "Нове зобов’язання" }).waitFor();
    await formUk.getByRole("button", { name: "Зберегти чернетку" }).click();
    await formUk.locator(".error-summary").waitFor();
    const titleUk = formUk.getByLabel("Назва", { exact: true }).first();
    expect(await description(titleUk)).toContain("Заповніть це поле");
    expect(await description(formUk.getByLabel("Сума", { exact: true }))).toContain("Очікується число");
    expect(await formUk.locator(".error-summary h3").textContent()).toMatch(/^Є \d+ проблем/);
    await checkPage(page, "ministry-form-errors-uk");
    expect((await ownRecords(page, "commitments")).length).toBe(before);

    // --- Corrected, with a second source: saved as a draft --------------------------------------------------
    await page.goto(`${url}?view=workspace&form=commitment`);
    await form.getByRole("heading", { name: "New commitment" }).waitFor();
    await title.fill("Patriot interceptors for 2026");
    await form.getByLabel("Category").selectOption("air_defence.interceptors");
    await form.getByLabel("Quantity of an item").check();
    await form.getByLabel("Count", { exact: true }).fill("24");
    await form.getByLabel("Unit", { exact: true }).selectOption("missiles");
    await form.getByLabel("Item", { exact: true }).fill("PAC-3 MSE");
    await form.getByLabel("From", { exact: true }).fill("2026");
    // Dates and addresses as a clerk writes them: stored as the record keeps them.
    await form.getByLabel("To", { exact: true }).fill("December 2026");
    const first = form.getByRole("group", { name: "Source 1" });
    await first.getByLabel("Title").fill("Government statement");
    await first.getByLabel("Kind of source").selectOption("official");
    await first.getByLabel("Web address (URL, optional)").fill("example.org/statement");
    await form.getByRole("button", { name: "Add another source" }).click();
    const second = form.getByRole("group", { name: "Source 2" });
    await expect
      .poll(() => page.evaluate("document.activeElement?.id"))
      .toBe("commitment-form-sources-1-title");
    await second.getByLabel("Title").fill("Parliamentary budget note");
    await second.getByLabel("Kind of source").selectOption("research");
    // A new promise is committed on a date by default: without it the form says so at the field.
    await form.getByRole("button", { name: "Save draft" }).click();
    const committedOn = form.getByLabel("Committed on");
    await expect.poll(() => committedOn.getAttribute("aria-invalid")).toBe("true");
    expect(await description(committedOn)).toContain("Fill this in");
    await committedOn.fill("15 January 2026");
    await form.getByRole("button", { name: "Save draft" }).click();
    const notice = page.locator(".saved-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      "Saved: commitment “Patriot interceptors for 2026”, version 1, draft. With it, as drafts: the committed stage of its amount.",
    );
    await expect.poll(() => page.evaluate("document.activeElement?.className")).toBe("saved-notice");
    const created = (await ownRecords(page, "commitments")).find(
      (c) => c.title === "Patriot interceptors for 2026",
    );
    if (!created) throw new Error("the commitment was not written");
    expect(created).toMatchObject({ status: "draft", version: 1 });
    expect(created.sources).toHaveLength(2);
    expect(created.period).toEqual({ start: "2026", end: "2026-12" });
    expect(created.sources?.[0]?.url).toBe("https://example.org/statement");

    // --- The API's refusal at its field: a tranche measured unlike its commitment --------------------------
    const tranchesBefore = (await ownRecords(page, "tranches")).length;
    await page.getByRole("link", { name: "New tranche (schedule)" }).click();
    const tranche = page.locator("#tranche-form");
    await tranche.getByRole("heading", { name: "New tranche" }).waitFor();
    await tranche.getByLabel("Commitment").selectOption(created.id);
    // The commitment's measure is carried over (24 missiles of PAC-3 MSE); a sum of money is not like it.
    expect(await tranche.getByLabel("Item", { exact: true }).inputValue()).toBe("PAC-3 MSE");
    await tranche.getByLabel("Money").check();
    await tranche.getByLabel("Amount", { exact: true }).fill("1,000,000");
    await tranche.getByLabel("Due").fill("06/2026");
    await tranche.getByRole("button", { name: "Save draft" }).click();
    const measure = tranche.getByRole("group", { name: "Amount or quantity" });
    await expect.poll(() => measure.getAttribute("class")).toContain("field-group-invalid");
    expect(await description(measure)).toContain("counts missiles of PAC-3 MSE");
    expect(await tranche.locator(".error-summary").textContent()).toContain("Amount or quantity:");
    await checkPage(page, "ministry-tranche-refused");
    expect((await ownRecords(page, "tranches")).length).toBe(tranchesBefore);

    // --- A correction based on a version someone else replaced meanwhile: told, and reloaded ---------------
    await page.goto(`${url}?view=workspace`);
    await page.getByRole("link", { name: "Edit commitment “Patriot interceptors for 2026”" }).click();
    const edit = page.locator("#commitment-form");
    await edit
      .getByRole("heading", { name: "Correct the commitment “Patriot interceptors for 2026”" })
      .waitFor();
    expect(await edit.locator(".record-standing").textContent()).toContain("Version 1");
    // Someone else (the same ministry, through the API) retitles it.
    const other = await signIn(url, editor);
    const otherClient = createClient(url, {
      headers: { Cookie: other.cookie, "X-CSRF-Token": other.csrfToken },
    });
    const patched = await otherClient.v1.commitments[":id"].$patch({
      param: { id: created.id },
      header: { "if-match": '"1"' },
      json: { set: { title: "PAC-3 MSE interceptors, 2026" }, reason: "the title in the signed agreement" },
    });
    expect(patched.status).toBe(200);
    await edit.getByLabel("Count", { exact: true }).fill("30");
    await edit.getByLabel("Why it changes").fill("The second report raises the count");
    await edit.getByRole("button", { name: "Save the correction" }).click();
    const conflict = edit.locator(".conflict");
    await conflict.getByRole("heading", { name: "Someone else changed this record" }).waitFor();
    await expect.poll(() => page.evaluate("document.activeElement?.className")).toBe("conflict");
    await checkPage(page, "ministry-form-conflict");
    await conflict.getByRole("button", { name: "Reload the record" }).click();
    await edit
      .getByRole("heading", { name: "Correct the commitment “PAC-3 MSE interceptors, 2026”" })
      .waitFor();
    expect(await edit.locator(".record-standing").textContent()).toContain("Version 2");
    expect(await edit.getByLabel("Count", { exact: true }).inputValue()).toBe("24");
    await edit.getByLabel("Count", { exact: true }).fill("30");
    await edit.getByLabel("Why it changes").fill("The second report raises the count");
    await edit.getByRole("button", { name: "Save the correction" }).click();
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      "Saved: commitment “PAC-3 MSE interceptors, 2026”, version 3, draft.",
    );
    const corrected = await otherClient.v1.commitments[":id"].$get({
      param: { id: created.id },
      query: { drafts: "include" },
    });
    if (!corrected.ok) throw new Error(`the corrected commitment answered ${corrected.status}`);
    expect((await corrected.json()).data.commitment).toMatchObject({
      version: 3,
      title: "PAC-3 MSE interceptors, 2026",
      measure: { kind: "quantity", count: "30", unit: "missiles", item: "PAC-3 MSE" },
    });
    await page.context().close();
  });

  it("fits a phone: the workspace's tables scroll in their own box, the form's fields stack", async () => {
    const url = app.server.url;
    // A draft to list, whatever the other tests left.
    const own = await signIn(url, editor);
    const api = createClient(url, { headers: { Cookie: own.cookie, "X-CSRF-Token": own.csrfToken } });
    const draft = await api.v1.commitments.$post({
      json: {
        donor: party,
        title: "Winter fuel for the power grid, a long title that needs room on a phone",
        category: "humanitarian",
        measure: { kind: "money", amount: "2500000", currency: "NOK" },
        sources: [{ title: "Government press release", kind: "official" }],
      },
      header: {},
    });
    expect(draft.status).toBe(201);
    const page = await signInThroughThePage(app.browser, url, editor, { width: 375, height: 740 });
    await page.goto(`${url}?view=workspace`);
    const drafts = page.locator(".workspace-draft table");
    await drafts.waitFor();
    expect((await rowKeys(drafts)).length).toBeGreaterThan(0);
    // The page itself never scrolls sideways; the table does, inside its container.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    const scroller = page.locator(".workspace-draft .table-scroll");
    const widths = (await scroller.evaluate((box) => [box.scrollWidth, box.clientWidth])) as number[];
    expect(widths[0]).toBeGreaterThan(widths[1] as number);
    await checkPage(page, "ministry-workspace-phone");

    await page.getByRole("link", { name: "New commitment" }).click();
    const form = page.locator("#commitment-form");
    await form.getByRole("heading", { name: "New commitment" }).waitFor();
    const amount = await form.getByLabel("Amount", { exact: true }).boundingBox();
    const currency = await form.getByLabel("Currency").boundingBox();
    if (!amount || !currency) throw new Error("the measure's fields are not shown");
    expect(currency.y).toBeGreaterThan(amount.y + amount.height);
    expect(amount.x + amount.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    await checkPage(page, "ministry-form-phone");
    await page.context().close();
  });
});
