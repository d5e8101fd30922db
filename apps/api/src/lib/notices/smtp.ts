import { connect as connectPlain, type Socket } from "node:net";
import { hostname } from "node:os";
import { connect as connectTls } from "node:tls";

/*
 * A minimal SMTP client (RFC 5321) for the notices' plain-text e-mails: one connection per message, EHLO, AUTH
 * PLAIN when the URL carries credentials, MAIL FROM, RCPT TO, DATA, QUIT. smtp:// is plain TCP (a relay on the
 * same host or network), smtps:// is TLS from the first byte. Small enough to read whole, so no dependency.
 */

export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

const timeoutMs = 30_000;

/** Reads SMTP replies (a code, possibly over several "250-" lines) one at a time. */
function replies(socket: Socket) {
  let buffer = "";
  const waiting: ((reply: { code: number; text: string }) => void)[] = [];
  const ready: { code: number; text: string }[] = [];
  let lines: string[] = [];
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      lines.push(line.slice(4));
      if (line[3] === "-") continue;
      const reply = { code: Number(line.slice(0, 3)), text: lines.join("\n") };
      lines = [];
      const take = waiting.shift();
      if (take) take(reply);
      else ready.push(reply);
    }
  });
  return () =>
    new Promise<{ code: number; text: string }>((resolve) => {
      const next = ready.shift();
      if (next) resolve(next);
      else waiting.push(resolve);
    });
}

/** The message as sent: headers, a blank line, the body with CRLF line ends and leading dots doubled. */
export function message(mail: Mail, date = new Date()): string {
  // A title with a line break must not add a header of its own.
  const subject = mail.subject.replace(/[\r\n]+/g, " ");
  const encodedSubject = /^[\x20-\x7e]*$/.test(subject)
    ? subject
    : `=?UTF-8?B?${Buffer.from(subject, "utf8").toString("base64")}?=`;
  const headers = [
    `From: ${mail.from}`,
    `To: ${mail.to}`,
    `Subject: ${encodedSubject}`,
    `Date: ${date.toUTCString().replace("GMT", "+0000")}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
  ];
  const body = mail.text
    .replace(/\r?\n/g, "\r\n")
    .split("\r\n")
    .map((line) => (line.startsWith(".") ? `.${line}` : line))
    .join("\r\n");
  return `${headers.join("\r\n")}\r\n\r\n${body}\r\n`;
}

/** Sends one message through the server `url` names; rejects with the server's words on any refusal. */
export async function sendMail(url: URL, mail: Mail): Promise<void> {
  const secure = url.protocol === "smtps:";
  const port = Number(url.port || (secure ? 465 : 25));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const socket: Socket = secure ? connectTls({ host, port, servername: host }) : connectPlain({ host, port });
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`SMTP server ${host}:${port} timed out`)));
  const failed = new Promise<never>((_, reject) => socket.once("error", reject));
  // Seen by the race of whichever reply is awaited; an error after the last one must not go unhandled.
  failed.catch(() => {});
  const next = replies(socket);
  const expect = async (codes: number[], command?: string) => {
    if (command !== undefined) socket.write(`${command}\r\n`);
    const reply = await Promise.race([next(), failed]);
    if (!codes.includes(reply.code)) {
      const shown = command?.startsWith("AUTH") ? "AUTH PLAIN" : (command ?? "greeting");
      throw new Error(`SMTP ${shown}: ${reply.code} ${reply.text}`);
    }
  };
  try {
    await expect([220]);
    await expect([250], `EHLO ${hostname() || "localhost"}`);
    if (url.username) {
      const plain = `\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`;
      await expect([235], `AUTH PLAIN ${Buffer.from(plain, "utf8").toString("base64")}`);
    }
    await expect([250], `MAIL FROM:<${address(mail.from)}>`);
    await expect([250, 251], `RCPT TO:<${address(mail.to)}>`);
    await expect([354], "DATA");
    await expect([250], `${message(mail)}.`);
    await expect([221], "QUIT");
  } finally {
    socket.destroy();
  }
}

/** The bare address of "Name <address>" or of an address alone. */
export function address(mailbox: string): string {
  return /<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox.trim();
}
