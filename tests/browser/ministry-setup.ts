import { createClient } from "@commitments/api/client";
import type { Browser, Locator, Page } from "playwright-core";
import { signIn } from "../server.ts";

/*
 * The Norwegian test ministry the workspace's browser tests sign in to: its people, and the helpers they read the
 * page and the API with.
 */

export const party = "NO";
export const editor = {
  email: "editor@no-ministry.invalid",
  name: "Ingrid Editor",
  password: "ministry-editor-pass-0123",
};
export const approver = {
  email: "approver@no-ministry.invalid",
  name: "Arne Approver",
  password: "ministry-approver-pass-0123",
};

/** The text of the elements an element's aria-describedby names: its hint and error, as a screen reader reads them. */
export async function description(field: Locator): Promise<string> {
  const ids = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

export async function signInThroughThePage(
  browser: Browser,
  url: string,
  who: { email: string; password: string },
  { lang = "en", width = 1280, height = 900 } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${url}?view=sign-in&lang=${lang}`);
  await page.getByLabel(lang === "uk" ? "Електронна пошта" : "E-mail").fill(who.email);
  await page.getByLabel(lang === "uk" ? "Пароль" : "Password").fill(who.password);
  await page.getByRole("button", { name: lang === "uk" ? "Увійти" : "Sign in" }).click();
  await page.locator("#account-title").waitFor();
  return page;
}

/** A record as the ministry's own session reads it, drafts included: the fields the tests look at. */
export interface OwnRecord {
  id: string;
  status: string;
  version: number;
  title?: string;
  period?: unknown;
  measure?: unknown;
  sources?: { url?: string }[];
}

/** The ministry's records (by default this ministry's, `donor` another's) as the page's own session reads them. */
export async function ownRecords(
  page: Page,
  kind: "commitments" | "tranches" | "events",
  donor = party,
): Promise<OwnRecord[]> {
  return (await page.evaluate(
    `fetch('/v1/${kind}?donor=${donor}&drafts=include&limit=200').then((r) => r.json()).then((b) => b.data)`,
  )) as OwnRecord[];
}

/** A commitment's tranches or stage events, drafts included, as the page's own session reads them. */
export async function partsOf<T = OwnRecord>(
  page: Page,
  kind: "tranches" | "events",
  commitment: string,
): Promise<(OwnRecord & T)[]> {
  return (await page.evaluate(
    `fetch('/v1/${kind}?commitment=${commitment}&drafts=include').then((r) => r.json()).then((b) => b.data)`,
  )) as (OwnRecord & T)[];
}

/** The ministry and its two people, as an administrator sets them up through the API. */
export async function setUpMinistry(url: string) {
  const admin = await signIn(url);
  const client = createClient(url, {
    headers: { Cookie: admin.cookie, "X-CSRF-Token": admin.csrfToken },
  });
  const organisation = await client.v1.organisations.$post({
    json: { kind: "partner_ministry", name: "Test Ministry of Defence of Norway", party },
  });
  if (!organisation.ok) throw new Error(`POST /v1/organisations answered ${organisation.status}`);
  const { id } = (await organisation.json()).data;
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
}
