import { formatInteger, pluralUk } from "../format.ts";
import { localised } from "../i18n/index.ts";
import { label } from "../i18n/vocabulary.ts";

type NoticeKind =
  | "returned"
  | "published"
  | "proposal_published"
  | "proposal_returned"
  | "disputed"
  | "submitted";

/** The notices page and the header's link to it: what happened, to what, by whom and why, in words. */
export const messages = localised(
  {
    nav: (unread: number) => (unread > 0 ? `Notices (${formatInteger(unread, "en")})` : "Notices"),
    title: "Notices",
    breadcrumb: "Breadcrumb",
    back: "← The ladder and all commitments",
    lede: "What happened to your work and your organisation's records: returned or published records, your proposed changes, disputes, and submissions awaiting approval. Newest first.",
    loading: "Loading your notices…",
    loadFailed: (message: string) => `Could not load your notices: ${message}`,
    notSignedIn: "Notices are for people signed in.",
    signIn: "Sign in",
    none: "No notices yet.",
    caption: (n: number, unread: number) =>
      `${formatInteger(n, "en")} ${n === 1 ? "notice" : "notices"}, ${unread === 0 ? "all read" : `${formatInteger(unread, "en")} new`}`,
    kinds: {
      returned: "Returned to you as a draft",
      published: label("workflowStatus", "published", "en"),
      proposal_published: "Your proposed change was published",
      proposal_returned: "Your proposed change was returned",
      disputed: "Disputed by another organisation",
      submitted: "Submitted for your approval",
    } satisfies Record<NoticeKind, string>,
    record: {
      commitment: (title: string) => `The commitment “${title}”`,
      tranche: (title: string) => `A tranche of the commitment “${title}”`,
      event: (title: string) => `A stage event of the commitment “${title}”`,
      unseen: "A record you can no longer see",
    },
    by: "By",
    at: "On",
    reason: "Reason",
    statement: "Their statement",
    isNew: "New",
  },
  {
    nav: (unread: number) => (unread > 0 ? `Сповіщення (${formatInteger(unread, "uk")})` : "Сповіщення"),
    title: "Сповіщення",
    breadcrumb: "Навігаційний ланцюжок",
    back: "← Драбина та всі зобов’язання",
    lede: "Що сталося з вашою роботою та записами вашої організації: повернені чи опубліковані записи, ваші пропозиції змін, оскарження та подання, що чекають на затвердження. Спершу найновіші.",
    loading: "Завантаження сповіщень…",
    loadFailed: (message: string) => `Не вдалося завантажити сповіщення: ${message}`,
    notSignedIn: "Сповіщення доступні тим, хто увійшов.",
    signIn: "Увійти",
    none: "Сповіщень поки немає.",
    caption: (n: number, unread: number) =>
      `${formatInteger(n, "uk")} ${pluralUk(n, "сповіщення", "сповіщення", "сповіщень")}, ${unread === 0 ? "усі прочитані" : `${formatInteger(unread, "uk")} ${pluralUk(unread, "нове", "нові", "нових")}`}`,
    kinds: {
      returned: "Повернуто вам на доопрацювання",
      published: label("workflowStatus", "published", "uk"),
      proposal_published: "Вашу пропозицію змін опубліковано",
      proposal_returned: "Вашу пропозицію змін повернуто",
      disputed: "Оскаржено іншою організацією",
      submitted: "Подано вам на затвердження",
    },
    record: {
      commitment: (title: string) => `Зобов’язання «${title}»`,
      tranche: (title: string) => `Транш зобов’язання «${title}»`,
      event: (title: string) => `Подія етапу зобов’язання «${title}»`,
      unseen: "Запис, який ви більше не можете бачити",
    },
    by: "Хто",
    at: "Коли",
    reason: "Причина",
    statement: "Їхнє пояснення",
    isNew: "Нове",
  },
);
