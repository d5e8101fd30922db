import { createClient } from "@commitments/api/client";
import { beforeAll, describe, expect, it } from "vitest";
import { createAdmin, signIn } from "../server.ts";
import { checkPage, hasChromium, useServerAndBrowser } from "./chromium.ts";

/*
 * Notices in the web app: an approver returns an editor's submitted record through the API, and the editor, once
 * signed in, sees "Notices (1)" in the header and on the notices page what happened, by whom, when and why, in
 * English and Ukrainian; having seen it, the count clears.
 */

const editor = {
  email: "editor@se-ministry.invalid",
  name: "Sara Editor",
  password: "ministry-editor-pass-0123",
};
const approver = {
  email: "approver@se-ministry.invalid",
  name: "Anders Approver",
  password: "ministry-approver-pass-0123",
};
const title = "Field hospitals for Kharkiv";
const reason = "The amount is the framework, not this year's contract";

/** A JSON write with a session's cookie and CSRF token, through the API as the web page makes it. */
async function write(
  url: string,
  who: { email: string; password: string },
  path: string,
  body: unknown,
  ifMatch?: string,
) {
  const { cookie, csrfToken } = await signIn(url, who);
  const response = await fetch(new URL(path, url), {
    method: "POST",
    headers: {
      cookie,
      "x-csrf-token": csrfToken,
      "content-type": "application/json",
      ...(ifMatch ? { "if-match": ifMatch } : {}),
    },
    body: JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("notices in Chromium", () => {
  const app = useServerAndBrowser({}, { beforeStart: (dataDir) => createAdmin(dataDir) });

  beforeAll(async () => {
    const url = app.server.url;
    const admin = await signIn(url);
    const client = createClient(url, { headers: { Cookie: admin.cookie, "X-CSRF-Token": admin.csrfToken } });
    const organisation = await client.v1.organisations.$post({
      json: { kind: "partner_ministry", name: "Test Ministry of Defence of Sweden", party: "SE" },
    });
    if (!organisation.ok) throw new Error(`POST /v1/organisations answered ${organisation.status}`);
    const { id } = (await organisation.json()).data;
    for (const [who, role] of [
      [editor, "ministry_editor"],
      [approver, "ministry_approver"],
    ] as const) {
      const user = await client.v1.organisations[":id"].users.$post({
        param: { id },
        json: { email: who.email, name: who.name, roles: [role], password: who.password },
      });
      if (user.status !== 201) throw new Error(`POST users answered ${user.status}: ${await user.text()}`);
    }
    await write(url, editor, "/v1/commitments", {
      id: "se-field-hospitals",
      donor: "SE",
      title,
      category: "funding.budget_support",
      measure: { kind: "money", amount: "3000000", currency: "SEK" },
      sources: [{ title: "Notices browser fixture", kind: "official" }],
    });
    await write(url, editor, "/v1/commitments/se-field-hospitals/status", { status: "submitted" }, '"1"');
    await write(
      url,
      approver,
      "/v1/commitments/se-field-hospitals/status",
      { status: "draft", reason },
      '"2"',
    );
  });

  it("shows the editor that the approver returned their record, and why, in English and Ukrainian", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}?view=sign-in`);
    await page.getByLabel("E-mail").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("#account-title").waitFor();

    const account = page.getByRole("navigation", { name: "Account" });
    await account.getByRole("link", { name: "Notices (1)" }).click();
    await page.getByRole("heading", { level: 1, name: "Notices" }).waitFor();
    const notice = page.locator(".notices li").first();
    await notice.getByRole("heading", { name: /Returned to you as a draft/ }).waitFor();
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("New");
    expect(text).toContain(approver.name);
    expect(text).toContain(reason);
    // In words: no ids, no enum values.
    for (const raw of ["se-field-hospitals", "returned", "ministry_", "commitment:"])
      expect(text).not.toContain(raw);
    const when = await notice.locator("time").textContent();
    expect(when).toMatch(/^\d{1,2} \w+ \d{4}/);
    expect(
      await notice.getByRole("link", { name: `The commitment “${title}”` }).getAttribute("href"),
    ).toContain("commitment=se-field-hospitals");
    await checkPage(page, "notices-en");
    // Seen, so read: the header's count clears.
    await account.getByRole("link", { name: "Notices", exact: true }).waitFor();

    await page.goto(`${app.server.url}?view=notices&lang=uk`);
    await page.getByRole("heading", { level: 1, name: "Сповіщення" }).waitFor();
    const uk = page.locator(".notices li").first();
    await uk.getByRole("heading", { name: "Повернуто вам на доопрацювання" }).waitFor();
    expect(await uk.textContent()).toContain(`Зобов’язання «${title}»`);
    expect(await uk.textContent()).toContain("Причина");
    expect(await uk.textContent()).not.toContain("Нове");
    await checkPage(page, "notices-uk");
    await context.close();
  });
});
