import { join } from "node:path";
import { createClient } from "@commitments/api/client";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAdmin, testAdmin } from "../server.ts";
import { artifactsDir, hasChromium, useServerAndBrowser } from "./chromium.ts";

/*
 * The import page, end to end: a file with bad rows is refused with every bad row listed and nothing written; a
 * good one is checked by a dry run, then imported, its progress shown while it runs.
 */

/** A template CSV written by hand, cell by cell, so the bad cells are exactly what a person would type. */
function templateCsv(header: string[], rows: Record<string, string>[]): string {
  const line = (cells: string[]) => `${cells.join(",")}\r\n`;
  return line(header) + rows.map((cells) => line(header.map((name) => cells[name] ?? ""))).join("");
}

const source = { source_title: "Browser import test fixture", source_kind: "research" };
const money = (amount: string, currency = "EUR") => ({ amount, currency });

function commitment(id: string, cells: Record<string, string> = {}): Record<string, string> {
  return {
    record: "commitment",
    id,
    donor: "GB",
    recipient: "UA",
    category: "air_defence.systems",
    title: `Test line ${id}`,
    measure_basis: "total",
    ...money("1000000"),
    synthetic: "false",
    ...source,
    ...cells,
  };
}

function delivered(commitmentId: string, cells: Record<string, string> = {}): Record<string, string> {
  return {
    record: "event",
    id: `${commitmentId}-delivered`,
    commitment: commitmentId,
    stage: "delivered",
    date: "2025-02",
    ...money("250000"),
    confidence: "reported_by_donor",
    synthetic: "false",
    ...source,
    ...cells,
  };
}

/** The text of the elements an input's aria-describedby names: its hint and its error, as a screen reader reads them. */
async function description(field: Locator): Promise<string> {
  const ids = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

async function signInThroughThePage(page: Page, url: string) {
  await page.goto(`${url}?view=sign-in`);
  await page.getByLabel("E-mail").fill(testAdmin.email);
  await page.getByLabel("Password").fill(testAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
}

/** Whether a commitment is published, asked of the API as the public. */
async function published(url: string, id: string): Promise<boolean> {
  const response = await createClient(url).v1.commitments[":id"].$get({ param: { id }, query: {} });
  return response.status === 200;
}

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("the import page in Chromium", () => {
  const app = useServerAndBrowser({}, { beforeStart: (dataDir) => createAdmin(dataDir) });

  it("refuses a file with bad rows, listing each; checks a good one by a dry run, then imports it", async () => {
    const url = app.server.url;
    // The template's columns, from the API's own blank template.
    const blank = await fetch(new URL("/v1/imports/template.csv", url));
    expect(blank.status).toBe(200);
    const header = (await blank.text()).trim().split(",");
    expect(header.slice(0, 3)).toEqual(["record", "id", "commitment"]);

    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughThePage(page, url);
    await page
      .getByRole("navigation", { name: "Account" })
      .getByRole("link", { name: "Import a file" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Import a file" }).waitFor();
    expect(new URL(page.url()).searchParams.get("view")).toBe("import");

    // The blank template and its documentation are linked from the page.
    const article = page.locator(".import-page");
    expect(await article.getByRole("link", { name: "CSV", exact: true }).getAttribute("href")).toBe(
      "/v1/imports/template.csv",
    );
    const xlsx = await article.getByRole("link", { name: "XLSX", exact: true }).getAttribute("href");
    expect(xlsx).toBe("/v1/imports/template.xlsx?lang=en");
    expect((await page.request.get(new URL(xlsx as string, url).href)).status()).toBe(200);
    expect(await article.getByRole("link", { name: "data dictionary" }).getAttribute("href")).toContain(
      "view=data-dictionary",
    );
    expect(await page.getByLabel("Format").inputValue()).toBe("template-csv");

    // --- Errors are said at their field: first the page's own checks, then the API's -------------------------
    const fileField = page.getByLabel("File", { exact: true });
    await page.getByLabel("Format").selectOption("kiel-weapons");
    const release = page.getByLabel("Release", { exact: true });
    const period = page.getByLabel("Data up to (YYYY-MM)");
    await page.getByRole("button", { name: "Check (dry run)" }).click();
    await expect.poll(() => fileField.getAttribute("aria-invalid")).toBe("true");
    expect(await description(fileField)).toContain("Choose the file to import");
    expect(await description(release)).toContain("Give the release");
    expect(await description(period)).toContain("Give the data up to");
    await fileField.setInputFiles({
      name: "weapons.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("donor\n"),
    });
    await release.fill("Ukraine Support Tracker, Release 29 (04/2026)");
    await period.fill("April 2026");
    await page.getByLabel("Release date (YYYY-MM-DD)").fill("2026-08-04");
    await page.getByRole("button", { name: "Check (dry run)" }).click();
    await expect.poll(() => period.getAttribute("aria-invalid")).toBe("true");
    expect(await release.getAttribute("aria-invalid")).toBeNull();
    expect(await description(period)).not.toContain("Give the data up to");
    await page.getByLabel("Format").selectOption("template-csv");
    expect(await page.getByLabel("Release", { exact: true }).count()).toBe(0);

    // --- A file with bad rows: refused, every bad row listed by line and column, nothing written ------------
    // Line 1 is the header; each bad cell is on its own line, in a record no other row depends on.
    const badRows = [
      commitment("imp-bad-ok"),
      commitment("imp-bad-currency", { currency: "EURO" }),
      commitment("imp-bad-category", { category: "no.such-category" }),
      delivered("imp-bad-ok", { stage: "teleported" }),
      delivered("imp-bad-ok", { id: "imp-bad-ok-dated", date: "2025-13" }),
      commitment("imp-bad-amount", { amount: "a lot" }),
    ];
    const expectedProblems = [
      { row: "3", column: "currency" },
      { row: "4", column: "category" },
      { row: "5", column: "stage" },
      { row: "6", column: "date" },
      { row: "7", column: "amount" },
    ];
    await fileField.setInputFiles({
      name: "bad-rows.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(templateCsv(header, badRows)),
    });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const report = page.locator(".import-report");
    await report.getByRole("heading", { name: "Refused: nothing written" }).waitFor();
    expect(await report.getAttribute("data-status")).toBe("refused");
    const problems = report.locator("table.import-problems tbody tr");
    const listed = await Promise.all(
      (await problems.all()).map(async (row) => ({
        row: await row.getAttribute("data-row"),
        column: await row.getAttribute("data-column"),
      })),
    );
    // A cell may break more than one rule ("EURO" is neither three letters nor a currency code): each is listed.
    const distinct = [...new Map(listed.map((p) => [`${p.row}:${p.column}`, p])).values()];
    expect(distinct).toEqual(expectedProblems);
    expect(await report.locator("table.import-problems caption").textContent()).toContain(
      `${listed.length} problems`,
    );
    // Each row of the table says the line, the column and the value at fault.
    const currencyRow = await problems.nth(0).locator("td").allTextContents();
    expect(currencyRow.slice(0, 3)).toEqual(["3", "currency", "EURO"]);
    expect(currencyRow[3]).not.toBe("");
    await page.screenshot({ path: join(artifactsDir, "import-report.png"), fullPage: true });
    for (const row of badRows) expect(await published(url, row.id as string)).toBe(false);
    const all = await createClient(url).v1.commitments.$get({ query: { limit: "200" } });
    if (!all.ok) throw new Error(`GET /v1/commitments answered ${all.status}`);
    const ids = (await all.json()).data.map((c) => c.id);
    for (const row of badRows) expect(ids).not.toContain(row.id);

    // --- A good file, large enough that its progress shows: a dry run, then the import ----------------------
    const lines = 2500;
    const goodRows = Array.from({ length: lines }, (_, i) => [
      commitment(`imp-good-${i}`),
      delivered(`imp-good-${i}`),
    ]).flat();
    await fileField.setInputFiles({
      name: "good-rows.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(templateCsv(header, goodRows)),
    });

    // Records what the progress bar says each time it changes, so a brief appearance is not missed.
    await page.evaluate(`(() => {
      window.__progress = [];
      new MutationObserver(() => {
        const bar = document.querySelector('progress[aria-label="Import progress"]');
        if (!bar) return;
        const phase = document.querySelector(".import-progress [data-phase]")?.getAttribute("data-phase");
        const last = window.__progress.at(-1);
        if (last?.phase !== phase) window.__progress.push({ phase, text: bar.getAttribute("aria-valuetext") });
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);

    await page.getByRole("button", { name: "Check (dry run)" }).click();
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
    expect(await counts()).toEqual({ commitments: [lines, lines], tranches: [0, 0], events: [lines, lines] });
    expect(await report.locator("table.import-problems").count()).toBe(0);
    expect(await published(url, "imp-good-0")).toBe(false);

    // The import itself: its progress bar, by its accessible name, while the file is read and written.
    const progressShown = page.getByRole("progressbar", { name: "Import progress" }).waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await progressShown;
    const imported = report.getByRole("heading", { name: /^Imported as change set \d+$/ });
    await imported.waitFor();
    expect(await counts()).toEqual({ commitments: [lines, lines], tranches: [0, 0], events: [lines, lines] });
    // Over the dry run and the import, the bar was fed by GET /v1/imports/{id} while the file was read, not only
    // shown while it was sent: a phase in words, with the rows read so far.
    const seen = (await page.evaluate("window.__progress")) as { phase: string; text: string }[];
    const polled = seen.filter((s) => ["reading", "checking", "writing"].includes(s.phase));
    expect(polled.length, JSON.stringify(seen)).toBeGreaterThan(0);
    for (const s of polled)
      expect(s.text).toMatch(
        /^(Reading the file|Checking every row|Writing to the ledger): [\d,]+ rows? read/,
      );
    expect(await page.getByRole("progressbar", { name: "Import progress" }).count()).toBe(0);
    await page.screenshot({ path: join(artifactsDir, "import-imported.png"), fullPage: true });

    // The records are there, published (an administrator's import), in the change set the page named.
    const changeSet = Number((await imported.textContent())?.match(/\d+$/)?.[0]);
    for (const id of ["imp-good-0", `imp-good-${lines - 1}`]) expect(await published(url, id)).toBe(true);
    const event = await createClient(url).v1.commitments[":id"].$get({
      param: { id: "imp-good-7" },
      query: {},
    });
    if (!event.ok) throw new Error(`GET /v1/commitments/imp-good-7 answered ${event.status}`);
    const detail = await event.json();
    expect(detail.data.events.map((e) => e.id)).toEqual(["imp-good-7-delivered"]);
    expect(detail.meta.datasetVersion).toBeGreaterThanOrEqual(changeSet);
    // The recent imports list all three attempts, newest first.
    const recent = page.locator(".recent-imports tbody tr");
    await expect.poll(() => recent.count()).toBe(3);
    expect(await Promise.all((await recent.all()).map((row) => row.getAttribute("data-status")))).toEqual([
      "imported",
      "dry_run",
      "refused",
    ]);
    await page.close();
  });
});
