import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import { createUser } from "@commitments/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, signInAs, soleTestTarget, useApp } from "../../../test/testing.ts";
import { createApp } from "../../app.ts";
import { loadEnv } from "../../env.ts";
import type { Logger } from "../../lib/logger.ts";
import { mailerFromSettings, type NoticeMailer } from "../../lib/notices/mailer.ts";

/*
 * Notices by e-mail, through a real SMTP conversation with a sink listening in this test: a returned record
 * reaches its editor with the approver's reason and a link on PUBLIC_ORIGIN; without SMTP_URL nothing is sent; a
 * mail server that is down fails no write, and the failure is logged.
 */

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A minimal SMTP server that accepts every message and keeps it. */
async function smtpSink(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = "";
    let mail: Received = { from: "", to: [], data: "" };
    let inData = false;
    socket.setEncoding("utf8");
    socket.write("220 sink ready\r\n");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      while (true) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          mail.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(mail);
          mail = { from: "", to: [], data: "" };
          socket.write("250 kept\r\n");
          continue;
        }
        const end = buffer.indexOf("\r\n");
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-sink\r\n250 8BITMIME\r\n");
        else if (verb === "MAIL") mail.from = /<(.*)>/.exec(line)?.[1] ?? "";
        else if (verb === "RCPT") mail.to.push(/<(.*)>/.exec(line)?.[1] ?? "");
        if (verb === "MAIL" || verb === "RCPT") socket.write("250 OK\r\n");
        else if (verb === "DATA") {
          inData = true;
          socket.write("354 go on\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the sink has no port");
  return { server, port: address.port, received };
}

const errors: Record<string, unknown>[] = [];
const logger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (fields) => errors.push(fields),
};

const sink = await smtpSink();
const env = loadEnv({
  SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
  SMTP_FROM: "Commitments tracker <notices@tracker.example.org>",
  PUBLIC_ORIGIN: "https://tracker.example.org",
});
const mailer = mailerFromSettings(env, logger) as NoticeMailer;

// One store (PostgreSQL when TEST_DATABASE_URL names one): the sink and its messages are this file's.
describe.each(soleTestTarget())("notices by e-mail on $name", (target) => {
  const ctx = useApp(target, { mailer, publicOrigin: env.PUBLIC_ORIGIN });
  let editor: Record<string, string>;
  let approver: Record<string, string>;
  let n = 0;

  const request = (
    app: { request: typeof ctx.app.request },
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) =>
    app.request(path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** A new draft of the editor's, submitted and returned by the approver through `app`. */
  async function returnedThrough(app: { request: typeof ctx.app.request }, reason: string) {
    const id = `cz-mail-line-${++n}`;
    const path = `/v1/commitments/${id}`;
    const created = await request(app, "POST", "/v1/commitments", editor, {
      id,
      donor: "CZ",
      title: `Winter fuel, lot ${n}`,
      category: "funding.budget_support",
      measure: { kind: "money", amount: "100000", currency: "CZK" },
      sources: [{ title: "Mail fixture", kind: "official" }],
    });
    expect(created.status).toBe(201);
    for (const [headers, status, version] of [
      [editor, "submitted", 1],
      [approver, "draft", 2],
    ] as const) {
      const stepped = await request(
        app,
        "POST",
        `${path}/status`,
        { ...headers, "if-match": `"${version}"` },
        { status, reason: status === "draft" ? reason : undefined },
      );
      expect(stepped.status).toBe(200);
    }
  }

  beforeAll(async () => {
    const db = ctx.database.db;
    const ministry = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "CZ ministry",
      party: "CZ",
      roles: ["ministry_editor"],
    });
    for (const [name, role] of [
      ["Jana Editor", "ministry_editor"],
      ["Karel Approver", "ministry_approver"],
    ] as const) {
      const password = `${name}'s long password`;
      const user = await createUser(db, {
        organisationId: ministry.organisation.id,
        email: `${name.split(" ")[0]?.toLowerCase()}@cz.example.org`,
        name,
        password,
        roles: [role],
      });
      const headers = (await signInAs(ctx.app, { user, password })).headers;
      if (role === "ministry_editor") editor = headers;
      else approver = headers;
    }
  });
  afterAll(async () => {
    sink.server.close();
  });

  it("e-mails a returned record's editor the approver's reason, and the approvers the submission", async () => {
    await returnedThrough(ctx.app, "The amount is the budget line, not the disbursement");
    await mailer.idle();
    expect(sink.received.map((m) => m.to)).toEqual([["karel@cz.example.org"], ["jana@cz.example.org"]]);
    const [submitted, returned] = sink.received;
    expect(submitted?.data).toContain('Subject: Submitted for approval: "Winter fuel, lot 1"');
    expect(returned?.from).toBe("notices@tracker.example.org");
    expect(returned?.data).toContain("From: Commitments tracker <notices@tracker.example.org>");
    expect(returned?.data).toContain('Subject: Returned to you: "Winter fuel, lot 1"');
    expect(returned?.data).toContain('Karel Approver returned your commitment "Winter fuel, lot 1" to you');
    expect(returned?.data).toContain("Reason: The amount is the budget line, not the disbursement");
    expect(returned?.data).toContain("https://tracker.example.org/?commitment=cz-mail-line-1");
    expect(errors).toEqual([]);
  });

  it("sends nothing when SMTP_URL is unset", async () => {
    expect(mailerFromSettings(loadEnv({}), logger)).toBeNull();
    const silent = createApp({ db: ctx.database.db, mailer: mailerFromSettings(loadEnv({}), logger) });
    const before = sink.received.length;
    await returnedThrough(silent, "Not this one either");
    await mailer.idle();
    expect(sink.received.length).toBe(before);
    // The notice is in the app all the same.
    const listed = await request(silent, "GET", "/v1/notices?unread=true", editor);
    const { data } = (await listed.json()) as { data: { reason: string }[] };
    expect(data[0]?.reason).toBe("Not this one either");
  });

  it("fails no write when the mail server is down, and logs the failure", async () => {
    const closed = createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const { port } = closed.address() as { port: number };
    closed.close();
    await once(closed, "close");
    const down = mailerFromSettings(
      { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: env.SMTP_FROM },
      logger,
    );
    const app = createApp({ db: ctx.database.db, mailer: down });
    await returnedThrough(app, "Sent nowhere");
    await down?.idle();
    expect(errors.length).toBe(2);
    expect(errors[1]).toMatchObject({ to: "jana@cz.example.org" });
  });
});
