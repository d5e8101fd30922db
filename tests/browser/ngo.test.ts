import { createClient } from "@commitments/api/client";
import { formatInteger, formatMeasure, formatPartialDate, formatRatio } from "@commitments/web/format";
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createAdmin, createWriteToken, signIn } from "../server.ts";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";
import { description } from "./ministry-setup.ts";
import { disputeForm, fillDispute, remarkWords } from "./remark-forms.ts";

const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });
// Demo data throughout, so synthetic: the commitments, their events, and every source they and the NGO cite.
const source = { title: "Synthetic demo data written by the NGO journey test", kind: "synthetic" as const };
const behind = "synthetic-demo-ngo-behind-schedule";
const onSchedule = "synthetic-demo-ngo-on-schedule";
const analyst = {
  email: "analyst@ngo-journey.invalid",
  name: "Journey Analyst",
  password: "a journey analyst's password",
};
const ngoName = "Synthetic demo watchdog";
const ngoSource = {
  title: "Synthetic demo: the watchdog's own count",
  url: "https://example.org/synthetic-demo/watchdog-count",
};

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("the NGO workspace in Chromium", () => {
  const app = useServerAndBrowser({}, { beforeStart: (dataDir) => createAdmin(dataDir) });
  const state = {} as { deliveryId: string; ngoId: string; donorName: string; donorNameUk: string };
  const api = () => createClient(app.server.url);

  /** Every open dispute of a record, as the public API lists them. */
  async function disputesOf(eventId: string) {
    const response = await api().v1.disputes.$get({ query: { targetKind: "event", targetId: eventId } });
    if (!response.ok) throw new Error(`GET /v1/disputes: ${response.status}`);
    return (await response.json()).data;
  }

  /** The API's fulfilment row of one commitment, from the same table the watch list reads. */
  async function fulfilmentOf(id: string) {
    const response = await api().v1.fulfilment.$get({ query: { limit: "200" } });
    if (!response.ok) throw new Error(`GET /v1/fulfilment: ${response.status}`);
    const row = (await response.json()).data.find((r) => r.commitment === id);
    if (!row?.fulfilment) throw new Error(`no fulfilment figures for ${id}`);
    return row.fulfilment;
  }

  beforeAll(async () => {
    // The donor's records, published at once as the administrator's are: one line behind its schedule (a
    // quarter of the first tranche delivered), one on it.
    const token = await createWriteToken(app.server.url);
    const writer = createClient(app.server.url, { headers: { Authorization: `Bearer ${token}` } });
    for (const [id, title, schedule] of [
      [
        behind,
        "Synthetic demo: artillery fund, EUR 800 million in two tranches",
        [
          { due: "2024-03", measure: eur("400000000") },
          { due: "2024-09", measure: eur("400000000") },
        ],
      ],
      [
        onSchedule,
        "Synthetic demo: demining fund, EUR 100 million",
        [{ due: "2024-01", measure: eur("100000000") }],
      ],
    ] as const) {
      const created = await writer.v1.commitments.$post({
        header: {},
        json: {
          id,
          donor: "DK",
          recipient: "UA",
          title,
          category: "funding.military_financing",
          measure: eur(id === behind ? "800000000" : "100000000"),
          measureBasis: "total",
          period: { start: "2024", end: "2024" },
          sources: [source],
          synthetic: true,
          schedule: [...schedule],
        },
      });
      expect(created.status, await created.clone().text()).toBe(201);
    }
    for (const [commitment, date, amount] of [
      [behind, "2024-04-10", "100000000"],
      [onSchedule, "2024-01-15", "100000000"],
    ] as const) {
      const event = await writer.v1.events.$post({
        header: {},
        json: {
          id: `${commitment}-delivery`,
          commitment,
          stage: "delivered",
          date,
          measure: eur(amount),
          confidence: "reported_by_donor",
          sources: [source],
          synthetic: true,
        },
      });
      expect(event.status, await event.clone().text()).toBe(201);
    }
    state.deliveryId = `${behind}-delivery`;

    // An NGO and its analyst, opened by the administrator as the tracker's maintainers do.
    const { cookie, csrfToken } = await signIn(app.server.url);
    const admin = createClient(app.server.url, { headers: { Cookie: cookie, "X-CSRF-Token": csrfToken } });
    const ngo = await admin.v1.organisations.$post({ json: { kind: "ngo", name: ngoName } });
    if (ngo.status !== 201) throw new Error(`POST /v1/organisations: ${ngo.status} ${await ngo.text()}`);
    state.ngoId = (await ngo.json()).data.id;
    const user = await admin.v1.organisations[":id"].users.$post({
      param: { id: state.ngoId },
      json: { ...analyst, roles: ["ngo_analyst"] },
    });
    expect(user.status).toBe(201);

    const parties = await api().v1.parties.$get({ query: { limit: "200" } });
    if (!parties.ok) throw new Error(`GET /v1/parties: ${parties.status}`);
    const denmark = (await parties.json()).data.find((p) => p.id === "DK");
    if (!denmark?.nameUk) throw new Error("the reference data names Denmark in both languages");
    state.donorName = denmark.name;
    state.donorNameUk = denmark.nameUk;
  });

  /** A signed-in analyst's page: signed in through the sign-in form, as a person does. */
  async function analystPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await checkPage(page, "ngo-sign-in");
    await page.getByLabel("E-mail").fill(analyst.email);
    await page.getByLabel("Password").fill(analyst.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    return page;
  }

  it("lists a commitment behind schedule with the API's figures, filters it by the URL, and pins it", async () => {
    const page = await analystPage(app.browser);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Watch list" }).click();
    await page.getByRole("heading", { level: 1, name: "Watch list" }).waitFor();
    const row = page.locator(`.watch-behind tr[data-commitment="${behind}"]`);
    await row.waitFor();

    // The API's own figures for it: what was due, what arrived, and the delay in days.
    const f = await fulfilmentOf(behind);
    expect(f.delayDays).toBeGreaterThan(0);
    expect(await row.locator('[data-figure="delay"]').textContent()).toBe(formatInteger(f.delayDays));
    expect(await row.locator('[data-figure="scheduled"]').textContent()).toBe(
      formatMeasure(eur(f.scheduled), { exact: true }),
    );
    expect(await row.locator('[data-figure="delivered"]').textContent()).toBe(
      formatMeasure(eur(f.delivered), { exact: true }),
    );
    expect(await row.locator('[data-figure="adherence"]').textContent()).toBe(
      formatRatio(f.adherence ?? Number.NaN),
    );
    await expect.poll(() => row.textContent()).toContain(state.donorName);
    expect(await row.locator(".badge-synthetic").count()).toBe(1);
    // On schedule is not behind: the other line is not on the list.
    expect((await fulfilmentOf(onSchedule)).delayDays).toBe(0);
    expect(await page.locator(`.watch-behind tr[data-commitment="${onSchedule}"]`).count()).toBe(0);
    await checkPage(page, "ngo-watch-list");

    // The filters are the URL: a donor keeps the line, a category it is not in leaves none, and the URL says so.
    await page.getByLabel("Donor").selectOption("DK");
    await expect.poll(() => new URL(page.url()).searchParams.get("donor")).toBe("DK");
    await row.waitFor();
    await page.getByLabel("Category").selectOption("air_defence");
    await expect.poll(() => new URL(page.url()).searchParams.get("category")).toBe("air_defence");
    await expect.poll(() => row.count()).toBe(0);
    await page.reload();
    await page.getByText("No commitment of this donor and category is behind its schedule").waitFor();
    await expect.poll(() => page.getByLabel("Category").inputValue()).toBe("air_defence");
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await row.waitFor();

    // Pinned to the analyst's own list, kept in this browser (the page says so), and still there after a reload.
    await row.getByRole("button", { name: /Pin/ }).click();
    const mine = page.locator(`.watch-mine tr[data-commitment="${behind}"]`);
    await mine.waitFor();
    expect(await page.locator(".watch-mine").textContent()).toContain("Kept in this browser");
    await page.reload();
    await mine.waitFor();
    expect(await row.getByRole("button", { name: /Pin/ }).getAttribute("aria-pressed")).toBe("true");
    await page.context().close();
  });

  it("disputes a published delivery through the form: a bad field is refused at the field, then the public sees both figures", async () => {
    const page = await analystPage(app.browser);
    await page.goto(`${app.server.url}?view=watch`);
    await page.locator(`.watch-behind tr[data-commitment="${behind}"] a`).click();
    await page.getByRole("heading", { level: 1, name: /artillery fund/ }).waitFor();
    expect(new URL(page.url()).searchParams.get("commitment")).toBe(behind);
    // The schedule against the deliveries on one timeline, summarised for screen readers.
    expect(await page.getByRole("img", { name: /Cumulative timeline/ }).getAttribute("aria-label")).toContain(
      "0 disputed",
    );
    await expect
      .poll(() => page.locator(".commitment .facts").first().textContent())
      .toContain(state.donorName);
    // The history: the commitment, its two tranches and its delivery, each recorded once.
    await expect.poll(() => page.locator(".history tbody tr").count()).toBe(4);
    await checkPage(page, "ngo-commitment");
    // Set on the page itself, so a reload would lose it: the dispute must appear without one.
    await page.evaluate("window.notReloaded = true");

    const delivery = page.locator(`section.events tr[data-event="${state.deliveryId}"]`);
    await delivery.getByRole("button", { name: /Dispute this figure/ }).click();
    const form = disputeForm(page);
    await form.getByRole("heading", { name: "Dispute the delivery of 10 April 2024" }).waitFor();
    expect(await form.textContent()).toContain("The recorded figure: €100,000,000.");
    await fillDispute(form, remarkWords.en, {
      unit: "EUR",
      figure: "60 000 000",
      reason: "Synthetic demo: our count of what was disbursed is lower.",
      source: { title: ngoSource.title, url: "not a web address", kind: "synthetic" },
    });
    await form.getByRole("button", { name: "Record the dispute" }).click();

    // Said at the field, tied to it, with focus on it; nothing written.
    const url = form.getByLabel("Web address");
    await expect.poll(() => url.getAttribute("aria-invalid")).toBe("true");
    expect(await description(url)).toContain("Give a full web address beginning with https://");
    expect(await form.getByLabel("Reason").getAttribute("aria-invalid")).toBeNull();
    await expect.poll(() => url.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await form.getByRole("alert").textContent()).toContain("nothing has been recorded");
    await checkPage(page, "ngo-dispute-form-error");
    expect(await disputesOf(state.deliveryId)).toEqual([]);

    await url.fill(ngoSource.url);
    await form.getByRole("button", { name: "Record the dispute" }).click();
    const remarks = page.locator(`section.events tr[data-remarks-of="${state.deliveryId}"]`);
    await remarks.locator("[data-dispute]").waitFor();
    await page.getByText("Your dispute is recorded and shown beside the figure.").waitFor();
    expect(await page.evaluate("window.notReloaded")).toBe(true);
    expect(await form.count()).toBe(0);

    // Written once, as the NGO's, with its figure and source.
    const written = await disputesOf(state.deliveryId);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      status: "open",
      organisation: state.ngoId,
      figure: eur("60000000"),
      sources: [{ title: ngoSource.title, url: ngoSource.url, kind: "synthetic" }],
    });
    const disputeId = written[0]?.id as string;

    // The public, in a browser of its own: both figures side by side, the NGO's source linked, nothing to press.
    const publicContext = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reader = await publicContext.newPage();
    await reader.goto(`${app.server.url}?commitment=${behind}`);
    const shown = reader.locator(`section.events tr[data-remarks-of="${state.deliveryId}"]`);
    await shown.waitFor();
    await expect
      .poll(() => reader.locator(".commitment .facts").first().textContent())
      .toContain(state.donorName);
    // The dispute is in the history too, as a version of its own.
    await expect.poll(() => reader.locator(".history tbody tr").count()).toBe(5);
    expect(await shown.textContent()).toContain(`Open dispute by ${ngoName}`);
    expect(await shown.locator(".recorded-figure").textContent()).toBe("€100,000,000");
    expect(await shown.locator(".disputed-figure").textContent()).toBe("€60,000,000");
    expect(await shown.getByRole("link", { name: ngoSource.title }).getAttribute("href")).toBe(ngoSource.url);
    expect(await reader.locator(`tr[data-event="${state.deliveryId}"] .badge-disputed`).count()).toBe(1);
    expect(await reader.getByRole("button", { name: /Dispute this figure/ }).count()).toBe(0);
    expect(
      await reader.getByRole("img", { name: /Cumulative timeline/ }).getAttribute("aria-label"),
    ).toContain("1 disputed");
    await checkPage(reader, "ngo-public-commitment");

    // The same page in Ukrainian: the dispute, its figures and the page's words.
    await reader.goto(`${app.server.url}?commitment=${behind}&lang=uk`);
    await reader.getByRole("heading", { level: 2, name: "Історія" }).waitFor();
    await expect
      .poll(() => reader.locator(".commitment .facts").first().textContent())
      .toContain(`${state.donorNameUk} → Україна`);
    await expect.poll(() => reader.locator(".history tbody tr").count()).toBe(5);
    expect(await reader.evaluate("document.documentElement.lang")).toBe("uk");
    const shownUk = reader.locator(`section.events tr[data-remarks-of="${state.deliveryId}"]`);
    expect(await shownUk.textContent()).toContain(`Відкрите оскарження від ${ngoName}`);
    expect(await shownUk.locator(".disputed-figure").textContent()).toBe(
      formatMeasure(eur("60000000"), { exact: true, lang: "uk" }),
    );
    expect(await reader.locator("section.events").textContent()).toContain("Поставки та інші стадії");
    expect(await reader.locator("section.fulfilment").textContent()).toContain("За графіком");
    expect(await reader.locator("section.events thead").textContent()).toContain("Достовірність");
    await checkPage(reader, "ngo-public-commitment-uk");

    // On a phone: the timeline scales to the screen, tables scroll inside their boxes, nothing is wider.
    await reader.setViewportSize({ width: 375, height: 740 });
    await reader.goto(`${app.server.url}?commitment=${behind}`);
    await reader.locator(`section.events tr[data-remarks-of="${state.deliveryId}"]`).waitFor();
    await expect.poll(() => reader.locator(".history tbody tr").count()).toBe(5);
    expect(await reader.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    const timeline = await reader.locator(".timeline-svg").boundingBox();
    expect(timeline?.width).toBeLessThanOrEqual(375);
    await checkPage(reader, "ngo-public-commitment-375");
    await publicContext.close();

    // Back on the watch list, the line now carries the dispute's flag.
    await page.goto(`${app.server.url}?view=watch`);
    await page.locator(`.watch-behind tr[data-commitment="${behind}"] .badge-disputed`).waitFor();

    // A note on the commitment itself, without a source: shown beside the promise, and written once.
    await page.goto(`${app.server.url}?commitment=${behind}`);
    await page
      .locator(".commitment-remarks")
      .getByRole("button", { name: /Annotate/ })
      .click();
    const note = page.locator('form[data-remark-form="annotation"]');
    await note.getByLabel("Note").fill("Synthetic demo: the donor's report counts loans as grants.");
    await note.getByRole("button", { name: "Record the note" }).click();
    await page.getByText("Your note is recorded and shown beside the record.").waitFor();
    expect(await page.locator(".commitment .facts [data-annotation]").textContent()).toContain(
      `Note by ${ngoName}: Synthetic demo: the donor's report counts loans as grants.`,
    );
    const notes = await api().v1.annotations.$get({ query: { targetKind: "commitment", targetId: behind } });
    if (!notes.ok) throw new Error(`GET /v1/annotations: ${notes.status}`);
    expect((await notes.json()).data.map((n) => n.organisation)).toEqual([state.ngoId]);

    // The analyst withdraws the NGO's own open dispute, with a reason; the page shows it closed.
    const dispute = page.locator(`[data-dispute="${disputeId}"]`);
    await dispute.getByRole("button", { name: "Withdraw" }).click();
    await dispute.getByLabel("Why").fill("Synthetic demo: the donor published a corrected report.");
    await dispute.getByRole("button", { name: "Withdraw the dispute" }).click();
    await expect.poll(() => dispute.textContent()).toContain("Dispute withdrawn by");
    expect((await disputesOf(state.deliveryId))[0]?.status).toBe("withdrawn");
    expect(await page.locator(`tr[data-event="${state.deliveryId}"] .badge-disputed`).count()).toBe(0);
    await page.context().close();
  });

  it("shows the watch list in Ukrainian and on a phone", async () => {
    const context = await app.browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}?view=watch&lang=uk`);
    await page.getByRole("heading", { level: 1, name: "Список спостереження" }).waitFor();
    const row = page.locator(`.watch-behind tr[data-commitment="${behind}"]`);
    await row.waitFor();
    const f = await fulfilmentOf(behind);
    expect(await row.locator('[data-figure="delay"]').textContent()).toBe(formatInteger(f.delayDays, "uk"));
    expect(await page.locator(".watch-behind thead").textContent()).toContain("Днів затримки");
    expect(await page.locator(".watch-behind thead").textContent()).toContain(
      `За графіком до ${formatPartialDate(new Date().toISOString().slice(0, 10), "uk")}`,
    );
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    await checkPage(page, "ngo-watch-list-uk-375");
    await context.close();
  });
});
