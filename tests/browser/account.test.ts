import { join } from "node:path";
import { createClient } from "@commitments/api/client";
import type { OrganisationKind, Role } from "@commitments/core/access";
import { roleTerms } from "@commitments/core/vocabulary";
import { abilitiesOf } from "@commitments/web/access";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAdmin, testAdmin } from "../server.ts";
import { artifactsDir, hasChromium, useServerAndBrowser } from "./chromium.ts";

/** The text of the elements an input's aria-describedby names: its hint and its error, as a screen reader reads them. */
async function description(field: Locator): Promise<string> {
  const ids = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

/** The API's answer to GET /v1/session, as far as these tests read it. */
interface SessionView {
  user: { id: string; name: string; email: string } | null;
  organisation: { id: string; name: string; kind: OrganisationKind; party: string | null; demo: boolean };
  roles: Role[];
}

/** Who the page's own cookie signs in, asked of the API from inside the page. */
async function sessionOfPage(page: Page): Promise<SessionView | null> {
  return (await page.evaluate(
    "fetch('/v1/session').then((r) => r.json()).then((body) => body.data)",
  )) as SessionView | null;
}

async function signInThroughThePage(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await page.getByLabel("E-mail").fill(testAdmin.email);
  await page.getByLabel("Password").fill(testAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
}

// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
describe.skipIf(!hasChromium)("the account area in Chromium", () => {
  // The administrator is created as an operator would, with the create-admin script, before the server starts.
  const app = useServerAndBrowser({}, { beforeStart: (dataDir) => createAdmin(dataDir) });

  it("signs the administrator in, shows organisation, roles and abilities, and creates and revokes a token", async () => {
    const origin = new URL(app.server.url).origin;
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(new URL(page.url()).searchParams.get("view")).toBe("sign-in");

    // Errors are said at the field they concern, and tied to it for screen readers.
    const email = page.getByLabel("E-mail");
    const password = page.getByLabel("Password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
    expect(await description(email)).toContain("Enter your e-mail address");
    expect(await description(password)).toContain("Enter your password");

    await email.fill(testAdmin.email);
    await password.fill("not-the-password-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => description(password)).toContain("Wrong e-mail or password");
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    expect(await email.getAttribute("aria-invalid")).toBeNull();
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('type')")).toBe("password");
    await page.screenshot({ path: join(artifactsDir, "sign-in-error.png"), fullPage: true });

    await password.fill(testAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    expect(new URL(page.url()).searchParams.get("view")).toBe("account");

    // The person, their organisation (not a demo one), and their roles in core's words.
    const session = await sessionOfPage(page);
    if (!session?.user) throw new Error(`the page's cookie signs no one in: ${JSON.stringify(session)}`);
    expect(session.organisation.demo).toBe(false);
    expect(await page.locator('[data-field="name"]').textContent()).toBe(testAdmin.name);
    expect(await page.locator('[data-field="email"]').textContent()).toBe(testAdmin.email);
    expect(await page.locator('[data-field="organisation"]').textContent()).toBe(session.organisation.name);
    expect(session.organisation.name).toBe("Maintainers");
    expect(await page.locator("[data-demo]").count()).toBe(0);
    expect(await page.locator(".account-roles [data-role]").count()).toBe(session.roles.length);
    const role = await page.locator('[data-role="administrator"]').textContent();
    expect(role).toContain(roleTerms.administrator.en.label);
    expect(role).toContain(roleTerms.administrator.en.description);
    expect(
      await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Account" }).count(),
    ).toBe(1);

    // "You can" lists what core's `authorise` allows this actor, in the page's order.
    const allowed = abilitiesOf(session, (party) => party).filter((a) => a.allowed);
    expect(allowed.map((a) => a.action)).toContain("token.manage");
    expect(
      await Promise.all(
        (await page.locator(".abilities li").all()).map((li) => li.getAttribute("data-action")),
      ),
    ).toEqual(allowed.map((a) => a.action));
    expect(await page.locator(".abilities").textContent()).toContain(
      "create and revoke your organisation's API tokens",
    );
    await page.screenshot({ path: join(artifactsDir, "account.png"), fullPage: true });

    // A token for uploads: shown once, with a warning, and copyable.
    expect(await page.locator(".account-tokens").textContent()).toContain("no API tokens yet");
    await page.getByLabel("Name").fill("Nightly upload");
    await page.getByLabel("Read and write (uploads)").check();
    await page.getByLabel("Expires in (days)").fill("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByLabel("New API token");
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token).toMatch(/^ct_[\w-]{43}$/);
    expect(await page.locator(".new-token").textContent()).toContain("it will not be shown again");
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await expect.poll(() => page.locator(".new-token [role=status]").textContent()).toContain("Copied");
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(token);
    const row = page.locator("tr[data-token-id]", { hasText: "Nightly upload" });
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("active");
    const cells = await row.textContent();
    expect(cells).toContain(`${token.slice(0, 8)}…`);
    expect(cells).toContain("read, write");
    await page.screenshot({ path: join(artifactsDir, "account-new-token.png"), fullPage: true });

    // The token works against the API: it speaks for the administrator's organisation.
    const withToken = createClient(app.server.url, { headers: { Authorization: `Bearer ${token}` } });
    const asToken = await withToken.v1.session.$get();
    expect(asToken.status).toBe(200);
    if (!asToken.ok) throw new Error("unreachable");
    const tokenSession = (await asToken.json()).data;
    expect(tokenSession?.organisation).toEqual(session.organisation);
    expect(tokenSession?.user).toBeNull();

    // Once dismissed, it is nowhere on the page: only its first characters are kept.
    await page.getByRole("button", { name: "I have copied it" }).click();
    await expect.poll(() => shown.count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    // Revoked in the page, with a confirmation step; the API refuses it from then on.
    await row.getByRole("button", { name: "Revoke the token “Nightly upload”" }).click();
    await row.getByRole("button", { name: "Revoke now" }).click();
    await expect.poll(() => row.getAttribute("data-status")).toBe("revoked");
    expect(await row.textContent()).toContain("Revoked");
    expect(await row.getByRole("button").count()).toBe(0);
    expect((await withToken.v1.session.$get()).status).toBe(401);
    await page.screenshot({ path: join(artifactsDir, "account-revoked.png"), fullPage: true });

    // Signing out ends the session: the header offers "Sign in" again, and the cookie signs no one in.
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("You have signed out");
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }).waitFor();
    expect(await sessionOfPage(page)).toBeNull();
    await context.close();
  });

  it("signs out everywhere: another browser's session ends too", async () => {
    const first = await app.browser.newContext();
    const second = await app.browser.newContext();
    const here = await first.newPage();
    const there = await second.newPage();
    await signInThroughThePage(here, app.server.url);
    await signInThroughThePage(there, app.server.url);
    expect((await sessionOfPage(there))?.user?.email).toBe(testAdmin.email);

    await here.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect
      .poll(() => here.getByRole("status").first().textContent())
      .toContain("signed out everywhere");
    expect(await sessionOfPage(here)).toBeNull();
    expect(await sessionOfPage(there)).toBeNull();
    await there.reload();
    await there.getByText("You are not signed in").waitFor();
    await first.close();
    await second.close();
  });
});

describe.skipIf(!hasChromium)("a demo account in Chromium", () => {
  const password = "browser-test-demo-password-0123";
  const app = useServerAndBrowser({ DEMO_ACCOUNTS: "true", DEMO_PASSWORD: password });

  it("marks the demo organisation, and says what a ministry editor can and cannot do", async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.server.url}?view=sign-in`);
    await page.getByLabel("E-mail").fill("editor.gb@demo.invalid");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();

    const session = await sessionOfPage(page);
    if (!session) throw new Error("the demo editor is not signed in");
    expect(session.organisation.demo).toBe(true);
    expect(await page.locator('[data-field="organisation"] .badge-demo').textContent()).toBe("Demo");
    expect(await page.locator("[data-demo]").textContent()).toContain("DEMO organisation");
    expect(await page.getByRole("navigation", { name: "Account" }).textContent()).toContain("Demo");
    const role = await page.locator('[data-role="ministry_editor"]').textContent();
    expect(role).toContain(roleTerms.ministry_editor.en.label);
    expect(role).toContain(roleTerms.ministry_editor.en.description);

    // Core's answers for this actor, on the page: editing its own country's records yes, publishing no.
    const abilities = abilitiesOf(session, (party) => party);
    const actions = (selector: string) =>
      page
        .locator(selector)
        .all()
        .then((items) => Promise.all(items.map((li) => li.getAttribute("data-action"))));
    expect(await actions(".abilities li")).toEqual(abilities.filter((a) => a.allowed).map((a) => a.action));
    expect(await actions(".cannot li")).toEqual(abilities.filter((a) => !a.allowed).map((a) => a.action));
    expect(await actions(".abilities li")).toContain("record.create");
    expect(await actions(".cannot li")).toContain("record.publish");
    expect(await page.locator(".abilities").textContent()).toContain("United Kingdom");
    await page.locator(".cannot summary").click();
    expect(await page.locator('.cannot li[data-action="record.publish"]').textContent()).toContain(
      "only a ministry approver may publish or return a record",
    );
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, "account-demo-narrow.png"), fullPage: true });
  });
});
