import { type Db, noticesToSend } from "@commitments/db";
import type { Logger } from "../logger.ts";
import { aboutRecord } from "./about.ts";
import { composeNotice } from "./compose.ts";
import { sendMail } from "./smtp.ts";

/** E-mails new notices to their recipients, after their write committed; off unless SMTP_URL is set. */
export interface NoticeMailer {
  /** Queues the notices of `ids` (written by a request now answered); never waits, never throws. */
  enqueue(db: Db, ids: readonly number[], origin: string): void;
  /** Resolves once everything queued so far was sent or given up on (tests, shutdown). */
  idle(): Promise<void>;
}

export interface MailerOptions {
  /** smtp://[user:password@]host:port, or smtps:// for TLS. */
  url: URL;
  /** The From header, e.g. "Commitments tracker <notices@tracker.example.org>". */
  from: string;
  logger: Logger;
}

/**
 * One in-process queue, one message at a time: a write never waits for the mail server, and a slow or failing one
 * delays only the mail. A failure is logged (who, which notice, why) and the queue moves on; a notice not e-mailed
 * is still in the app.
 */
export function createNoticeMailer({ url, from, logger }: MailerOptions): NoticeMailer {
  let queue: Promise<void> = Promise.resolve();
  const send = async (db: Db, ids: readonly number[], origin: string) => {
    for (const notice of await noticesToSend(db, ids)) {
      const visibility = { drafts: "organisation" as const, organisation: notice.organisationId };
      const record = await aboutRecord(db, notice.record, visibility);
      const { subject, text } = composeNotice(notice, record, origin);
      for (const recipient of notice.recipients) {
        try {
          await sendMail(url, { from, to: recipient.email, subject, text });
        } catch (error) {
          logger.error(
            { notice: notice.id, to: recipient.email, error: (error as Error).message },
            "notice e-mail not sent",
          );
        }
      }
    }
  };
  return {
    enqueue(db, ids, origin) {
      if (!ids.length) return;
      queue = queue
        .then(() => send(db, ids, origin))
        .catch((error: unknown) => {
          logger.error({ notices: ids, error: (error as Error).message }, "notice e-mails not sent");
        });
    },
    idle: () => queue,
  };
}

/** The mailer the settings ask for: none unless SMTP_URL (and SMTP_FROM, which env.ts requires with it) is set. */
export function mailerFromSettings(
  settings: { SMTP_URL?: string | undefined; SMTP_FROM?: string | undefined },
  logger: Logger,
): NoticeMailer | null {
  if (!settings.SMTP_URL || !settings.SMTP_FROM) return null;
  return createNoticeMailer({ url: new URL(settings.SMTP_URL), from: settings.SMTP_FROM, logger });
}
