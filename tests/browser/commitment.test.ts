import { join } from "node:path";
import { createClient } from "@commitments/api/client";
import { label, vocabulary, words } from "@commitments/core/vocabulary";
import {
  formatInteger,
  formatMeasure,
  formatPartialDate,
  formatRatio,
  inMeasureOf,
} from "@commitments/web/format";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAdmin, createWriteToken, type RunningServer, signIn } from "../server.ts";
import { artifactsDir, hasChromium, useServerAndBrowser } from "./chromium.ts";

/** The commitment as the API gives it, through the typed client: the page must say the same. */
async function fromApi(server: RunningServer, id: string) {
  const response = await createClient(server.url).v1.commitments[":id"].$get({ param: { id }, query: {} });
  if (!response.ok) throw new Error(`the API answered ${response.status} for ${id}`);
  return await response.json();
}
type CommitmentDetail = Awaited<ReturnType<typeof fromApi>>;

/** The commitment's fulfilment figures, read as of the same moment as its detail (as the page reads them). */
async function fulfilmentFromApi(server: RunningServer, id: string, asOf: string) {
  const response = await createClient(server.url).v1.commitments[":id"].fulfilment.$get({
    param: { id },
    query: { asOf },
  });
  if (!response.ok) throw new Error(`the API answered ${response.status} for ${id}'s fulfilment`);
  return await response.json();
}

/** The value of one attribute on every element a locator matches, in page order. */
async function attributes(locator: Locator, name: string) {
  return Promise.all((await locator.all()).map((element) => element.getAttribute(name)));
}

/** Checks the page's schedule and events sections, row by row, against the API's JSON. */
async function expectScheduleAndEvents(page: Page, { data }: CommitmentDetail) {
  const schedule = page.locator("section.schedule");
  if (data.schedule.length === 0) expect(await schedule.textContent()).toContain("No schedule recorded");
  expect(await schedule.locator("tbody tr").count()).toBe(data.schedule.length);
  for (const tranche of data.schedule) {
    const row = await schedule.locator(`tr[data-tranche="${tranche.id}"]`).textContent();
    expect(row).toContain(formatPartialDate(tranche.due));
    expect(row).toContain(formatMeasure(tranche.measure, { exact: true }));
  }

  const events = page.locator("section.events");
  const deliveries = data.events.filter((e) => e.stage === "delivered");
  if (deliveries.length === 0) expect(await events.textContent()).toContain("No deliveries recorded");
  else expect(await events.textContent()).not.toContain("No deliveries recorded");
  // The API's order (by date) is the page's order.
  expect(await attributes(events.locator("tbody tr"), "data-event")).toEqual(data.events.map((e) => e.id));
  for (const event of data.events) {
    const row = await events.locator(`tr[data-event="${event.id}"]`).textContent();
    expect(row).toContain(formatPartialDate(event.date));
    expect(row).toContain(formatMeasure(event.measure, { exact: true }));
    for (const source of event.sources) expect(row).toContain(source.title);
    if (event.synthetic) expect(row).toContain("Synthetic");
  }
}

async function expectCitation(page: Page, { meta }: CommitmentDetail) {
  const citation = page.locator(".commitment .citation");
  expect(await citation.textContent()).toContain(
    `Commitments tracker, dataset version ${meta.datasetVersion}, as of`,
  );
  expect(await citation.locator("[data-dataset-version]").textContent()).toBe(String(meta.datasetVersion));
}

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("one commitment's view in Chromium", () => {
  // Writes need an account: an administrator, created before the server starts as an operator would, whose
  // records are published at once. The writes below use an API token the administrator creates after signing in.
  const app = useServerAndBrowser({}, { beforeStart: (dataDir) => createAdmin(dataDir) });

  it("lists the commitments on their own page, from the API", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=commitments`);
    await page.getByRole("heading", { level: 1, name: "Commitments" }).waitFor();
    const response = await createClient(app.server.url).v1.commitments.$get({ query: { limit: "200" } });
    if (!response.ok) throw new Error(`the API answered ${response.status}`);
    const list = await response.json();
    const rows = page.locator("#commitments tbody tr");
    await rows.first().waitFor();
    expect(await attributes(rows, "data-commitment")).toEqual(list.data.map((c) => c.id));
    expect(await page.locator("#commitments table caption").textContent()).toContain(
      `${list.data.length} commitments`,
    );
  });

  it("opens the Ukraine Facility: promise, schedule, deliveries and citation as the API gives them", async () => {
    const id = "eu-ukraine-facility-2024-2027";
    const api = await fromApi(app.server, id);
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=commitments`);
    await page.locator(`#commitments tr[data-commitment="${id}"] a`).click();

    const heading = page.getByRole("heading", { level: 1, name: api.data.commitment.title });
    await heading.waitFor();
    expect(new URL(page.url()).searchParams.get("commitment")).toBe(id);
    const facts = await page.locator(".commitment .facts").textContent();
    expect(facts).toContain("EU (Commission and Council) → Ukraine");
    expect(facts).toContain("€50bn in total");
    expect(facts).toContain("€50,000,000,000");
    expect(facts).toContain("2024 – 2027");
    for (const source of api.data.commitment.sources) {
      expect(await page.locator(".commitment").textContent()).toContain(source.title);
    }

    // The reference data records no tranches and no events for it: the page says so in words.
    expect(api.data.schedule).toEqual([]);
    expect(api.data.events).toEqual([]);
    await expectScheduleAndEvents(page, api);
    await expectCitation(page, api);
    // Nothing committed, delivered or due: no ratio to show, and the page says so rather than show 0%.
    const fulfilment = await fulfilmentFromApi(app.server, id, api.meta.asOf);
    expect(fulfilment.data.fulfilment?.ratio).toBeNull();
    expect(await page.locator("section.fulfilment").textContent()).toContain("No fulfilment figures yet");
    expect(await page.locator("section.fulfilment").textContent()).not.toContain("%");
    await page.screenshot({ path: join(artifactsDir, "commitment.png"), fullPage: true });

    // Its agreement is a link back to the ladder, with that agreement open.
    await page.getByRole("link", { name: /Ukraine Facility/ }).click();
    await page.getByRole("heading", { name: "The ladder of security guarantees" }).waitFor();
    expect(new URL(page.url()).searchParams.get("agreement")).toBe(api.data.commitment.agreement);
    expect(new URL(page.url()).searchParams.get("commitment")).toBeNull();
    await page.locator("#agreement-title").waitFor();
  });

  it("shows a yearly rate as a rate, and opens by its URL alone, on a phone-sized screen", async () => {
    const id = "eu-european-peace-facility-annual";
    const api = await fromApi(app.server, id);
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.server.url}?commitment=${id}`);
    await page.getByRole("heading", { level: 1, name: api.data.commitment.title }).waitFor();
    const facts = await page.locator(".commitment .facts").textContent();
    expect(facts).toContain("€5bn a year");
    expect(facts).toContain("Not stated in the sources");
    await expectScheduleAndEvents(page, api);
    await expectCitation(page, api);
    // Nothing wider than the screen: the page reads without sideways scrolling.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, "commitment-narrow.png"), fullPage: true });
  });

  it("shows a schedule and deliveries written through the API, every synthetic record flagged", async () => {
    // Demo data, so synthetic throughout: the commitment, its events, and the source they cite.
    const source = { title: "Synthetic demo data written by the browser test", kind: "synthetic" as const };
    const writeToken = await createWriteToken(app.server.url);
    const client = createClient(app.server.url, { headers: { Authorization: `Bearer ${writeToken}` } });
    const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });
    const created = await client.v1.commitments.$post({
      header: {},
      json: {
        id: "synthetic-demo-air-defence-fund",
        donor: "DK",
        recipient: "UA",
        title: "Synthetic demo: air defence fund, EUR 1.2 billion over two years",
        category: "funding.military_financing",
        measure: eur("1200000000"),
        measureBasis: "total",
        period: { start: "2024", end: "2025" },
        sources: [source],
        synthetic: true,
        schedule: [
          { due: "2024-06", measure: eur("600000000") },
          { due: "2025-06", measure: eur("600000000"), note: "The second half, after a review" },
        ],
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    for (const event of [
      { stage: "committed", date: "2024-03", measure: eur("1200000000"), confidence: "reported_by_donor" },
      {
        stage: "delivered",
        date: "2024-07-15",
        measure: eur("450000000.5"),
        confidence: "confirmed_by_recipient",
      },
    ] as const) {
      const response = await client.v1.events.$post({
        header: {},
        json: { ...event, commitment: "synthetic-demo-air-defence-fund", sources: [source], synthetic: true },
      });
      expect(response.status, await response.clone().text()).toBe(201);
    }

    const api = await fromApi(app.server, "synthetic-demo-air-defence-fund");
    expect(api.data.schedule).toHaveLength(2);
    expect(api.data.events).toHaveLength(2);
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?view=commitments`);
    await page.locator('#commitments tr[data-commitment="synthetic-demo-air-defence-fund"] a').click();
    await page.getByRole("heading", { level: 1, name: api.data.commitment.title }).waitFor();

    expect(await page.locator(".commitment > .eyebrow").textContent()).toContain("Synthetic");
    await expectScheduleAndEvents(page, api);
    const events = page.locator("section.events");
    // Each event's own flag (in its stage cell), besides the flag on the synthetic source it cites.
    expect(await events.locator("tbody th .badge-synthetic").count()).toBe(2);
    expect(await events.locator("tbody").textContent()).toContain("Disbursed");
    expect(await events.locator("tbody").textContent()).toContain("€450,000,000.50");
    await expectCitation(page, api);

    // Ratio, adherence and delay as the API computed them, for the same moment and dataset version.
    const { data: row, meta } = await fulfilmentFromApi(app.server, api.data.commitment.id, api.meta.asOf);
    expect(meta.datasetVersion).toBe(api.meta.datasetVersion);
    const f = row.fulfilment;
    if (!f || f.ratio === null || f.adherence === null)
      throw new Error(`expected figures: ${JSON.stringify(row)}`);
    const exact = (value: string) =>
      formatMeasure(inMeasureOf(api.data.commitment.measure, value), { exact: true });
    const fulfilment = page.locator("section.fulfilment");
    await fulfilment.locator('[data-figure="ratio"]').waitFor();
    const ratio = await fulfilment.locator('[data-figure="ratio"]').textContent();
    expect(ratio).toContain(exact(f.delivered));
    expect(ratio).toContain(exact(f.promised));
    expect(ratio).toContain(formatRatio(f.ratio));
    const adherence = await fulfilment.locator('[data-figure="adherence"]').textContent();
    expect(adherence).toContain(exact(f.scheduled));
    expect(adherence).toContain(formatRatio(f.adherence));
    expect(await fulfilment.locator('[data-figure="delay"]').textContent()).toContain(
      f.delayDays === 0 ? "on schedule" : `${formatInteger(f.delayDays)} days`,
    );
    await page.screenshot({ path: join(artifactsDir, "commitment-deliveries.png"), fullPage: true });
  });

  it("speaks the page's language: category, stages and confidence in the vocabulary's words, no bare ids", async () => {
    const id = "synthetic-demo-air-defence-fund";
    const api = await fromApi(app.server, id);
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?commitment=${id}&lang=uk`);
    await page.getByRole("heading", { level: 1, name: api.data.commitment.title }).waitFor();
    await page.locator("section.history tbody tr").first().waitFor();

    const eyebrow = await page.locator(".commitment > .eyebrow").textContent();
    expect(eyebrow).toContain(label("category", "funding.military_financing", "uk"));
    expect(eyebrow).not.toContain(label("category", "funding.military_financing", "en"));
    const events = await page.locator("section.events tbody").textContent();
    // Money is disbursed rather than delivered; the commitment is «Взято зобов’язання», the glossary's word.
    expect(events).toContain(words("stage", "committed", "uk").moneyLabel);
    expect(events).toContain(words("stage", "delivered", "uk").moneyLabel);
    for (const event of api.data.events)
      expect(events).toContain(label("confidence", event.confidence, "uk"));
    // No id of the vocabulary reaches the text of the page, in this language or any.
    const text = (await page.locator("main").textContent()) ?? "";
    const ids = Object.values(vocabulary).flatMap((family) => [...family.ids] as string[]);
    expect(ids.filter((word) => /[._]/.test(word) && text.includes(word))).toEqual([]);
  });

  it("shows an NGO's dispute beside the disputed delivery, with both figures and its source", async () => {
    const id = "synthetic-demo-air-defence-fund";
    const delivery = (await fromApi(app.server, id)).data.events.find((e) => e.stage === "delivered");
    if (!delivery) throw new Error("the previous test records a delivery");
    // The administrator opens an NGO account; its analyst signs in, takes a token and disputes the figure.
    const { cookie, csrfToken } = await signIn(app.server.url);
    const admin = createClient(app.server.url, { headers: { Cookie: cookie, "X-CSRF-Token": csrfToken } });
    const ngo = await admin.v1.organisations.$post({ json: { kind: "ngo", name: "Demo watchdog NGO" } });
    if (ngo.status !== 201) throw new Error(`POST /v1/organisations: ${ngo.status}`);
    const analyst = {
      email: "analyst@watchdog.invalid",
      name: "Analyst",
      password: "an analyst's long password",
    };
    const user = await admin.v1.organisations[":id"].users.$post({
      param: { id: (await ngo.json()).data.id },
      json: { ...analyst, roles: ["ngo_analyst"] },
    });
    expect(user.status).toBe(201);
    const token = await createWriteToken(app.server.url, analyst);
    const asAnalyst = createClient(app.server.url, { headers: { Authorization: `Bearer ${token}` } });
    const disputed = await asAnalyst.v1.disputes.$post({
      json: {
        target: { kind: "event", id: delivery.id },
        statement: "Synthetic demo: our count puts the disbursement lower.",
        figure: { kind: "money", amount: "300000000", currency: "EUR" },
        sources: [{ title: "Synthetic demo: the NGO's own count", kind: "synthetic" }],
      },
    });
    expect(disputed.status, await disputed.clone().text()).toBe(201);

    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.server.url}?commitment=${id}`);
    const row = page.locator(`section.events tr[data-event="${delivery.id}"]`);
    await row.locator(".badge-disputed").waitFor();
    expect(await row.textContent()).toContain("€450,000,000.50");
    // The dispute follows on the next row, across the table: its organisation, its figure and its source.
    const remarks = page.locator(`section.events tr[data-remarks-of="${delivery.id}"]`);
    const text = await remarks.textContent();
    expect(text).toContain("Open dispute by Demo watchdog NGO");
    expect(await remarks.locator(".disputed-figure").textContent()).toBe("€300,000,000");
    expect(text).toContain("Synthetic demo: the NGO's own count");
    await page.screenshot({ path: join(artifactsDir, "commitment-dispute.png"), fullPage: true });
  });

  it("says plainly when there is no such commitment", async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}?commitment=no-such-line`);
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe(
        "There is no commitment at this address: check the link, or find it in the list of all commitments.",
      );
  });
});
