import type { NoticeToSend } from "@commitments/db";
import type { NoticeRecord } from "./about.ts";

/** The e-mail of a notice, in English, plain text: what happened, by whom, when, why, and where to see it. */
export function composeNotice(
  notice: NoticeToSend,
  record: NoticeRecord,
  origin: string,
): { subject: string; text: string } {
  const title = record.title ? `"${record.title}"` : "a record";
  const noun =
    record.kind === "commitment"
      ? `commitment ${title}`
      : `${record.kind === "tranche" ? "tranche" : "delivery record"} of the commitment ${title}`;
  const when = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(notice.at);
  const by = notice.by;
  const words: Record<NoticeToSend["kind"], [string, string, string]> = {
    returned: [`Returned to you: ${title}`, `${by} returned your ${noun} to you as a draft.`, "Reason"],
    published: [`Published: ${title}`, `${by} published your ${noun}.`, "Reason"],
    proposal_published: [
      `Your change was published: ${title}`,
      `${by} published the change you proposed to the ${noun}.`,
      "Reason",
    ],
    proposal_returned: [
      `Your change was returned: ${title}`,
      `${by} returned the change you proposed to the ${noun}.`,
      "Reason",
    ],
    disputed: [
      `Disputed: ${title}`,
      `${by} opened a dispute of your organisation's ${noun}.`,
      "Their statement",
    ],
    submitted: [`Submitted for approval: ${title}`, `${by} submitted the ${noun} for approval.`, "Note"],
  };
  const [subject, what, reasonLabel] = words[notice.kind];
  const lines = [what, `When: ${when} UTC`];
  if (notice.reason) lines.push("", `${reasonLabel}: ${notice.reason}`);
  lines.push("");
  if (record.commitment) lines.push(`See it: ${origin}/?commitment=${encodeURIComponent(record.commitment)}`);
  lines.push(`All your notices: ${origin}/?view=notices`);
  return { subject, text: `${lines.join("\n")}\n` };
}
