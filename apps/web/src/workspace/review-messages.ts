import { pluralUk } from "../format.ts";
import { localised } from "../i18n/index.ts";
import { label } from "../i18n/vocabulary.ts";
import type { ReviewedField } from "./review.ts";

const records = (n: number) => (n === 1 ? "record" : "records");
const записи = (n: number) => pluralUk(n, "запис", "записи", "записів");
const proposals = (n: number) => (n === 1 ? "proposal" : "proposals");

/**
 * The workspace's review and decision strings: reviewing a submitted record or a proposal, publishing it after a
 * confirmation, returning it with a reason; the published records with their corrections and retractions.
 */
export const reviewMessages = localised(
  {
    fields: {
      title: "Title",
      commitment: "Commitment",
      position: "Place in the schedule",
      donor: "Donor",
      recipient: "Recipient",
      category: "Category",
      stage: "Stage",
      date: "Date",
      due: "Due",
      measure: "Amount or quantity",
      measureBasis: "Basis",
      confidence: "Confidence",
      period: "Period",
      conditions: "Conditions",
      note: "Note",
      sources: "Sources",
    } satisfies Record<ReviewedField, string>,
    none: "none",
    position: (n: number) => `No. ${n}`,
    review: "Review",
    reviewOf: (kind: string, label: string) => `Review ${kind.toLowerCase()} “${label}”`,
    closeReview: "Close the review",
    reviewTitle: (kind: string, label: string) => `${kind} “${label}” as the public will read it`,
    noSources: "No sources.",
    publish: "Publish…",
    return: "Return to draft…",
    confirmPublish: (n: number) =>
      n === 1
        ? "Publishing makes this record public: anyone can read it, with its sources, on the tracker and through its API. A published record is corrected only through a proposal."
        : `Publishing makes these ${n} records public: anyone can read them, with their sources, on the tracker and through its API. A published record is corrected only through a proposal.`,
    confirmPublishButton: (n: number) => (n === 1 ? "Yes, publish it" : `Yes, publish ${n} ${records(n)}`),
    confirmProposal: (kind: "correction" | "retraction"): string =>
      kind === "correction"
        ? "Publishing makes this correction public: the record as corrected becomes its next version, and everyone reads the new figures; the old version stays in its history."
        : "Publishing withdraws this record from the public lists; its versions stay readable in its history.",
    cancel: "Cancel",
    reasonLabel: (n: number) => (n === 1 ? "Why it is returned" : `Why these ${n} records are returned`),
    reasonHint: "The editor reads it on the draft's row, and it is kept in the record's history.",
    reasonError: "Say why it is returned, in at least 3 characters",
    retractReasonLabel: "Why it is retracted",
    retractReasonHint:
      "Your approver reads it before publishing the retraction; it is kept in the record's history.",
    retractReasonError: "Say why it is retracted, in at least 3 characters",
    confirmReturn: (n: number) => (n === 1 ? "Return it to draft" : `Return ${n} ${records(n)} to draft`),
    returnedBy: (who: string, when: string, reason: string) => `Returned by ${who} on ${when}: ${reason}`,
    returnedNoReason: (who: string, when: string) => `Returned by ${who} on ${when}.`,
    proposalReturnedBy: (kind: string, who: string, when: string, reason: string) =>
      `${kind} returned by ${who} on ${when}: ${reason}`,
    proposalReturnedNoReason: (kind: string, who: string, when: string) =>
      `${kind} returned by ${who} on ${when}.`,
    waiting: (submitted: number, proposed: number) =>
      submitted + proposed === 0
        ? "Nothing waits for your decision."
        : `Waiting for your decision: ${submitted} ${records(submitted)} sent for approval, and ${proposed} ${proposals(proposed)} to correct or retract a record the public reads.`,
    navWaiting: (n: number) => `Workspace (${n})`,
    navWaitingTail: "waiting for your decision",
    proposalsTitle: "Corrections and retractions to decide",
    proposalsLede:
      "Your ministry's editors propose these changes of published records; the public reads the published version until you publish the change.",
    noProposals: "No correction or retraction waits.",
    proposalKinds: { correction: "Correction", retraction: "Retraction" },
    proposalOf: (kind: string, recordKind: string, label: string) =>
      `${kind} of the ${recordKind.toLowerCase()} “${label}”`,
    proposedBy: (who: string, when: string, reason: string) => `Proposed by ${who} on ${when}: ${reason}`,
    changesCaption: "What publishing changes",
    changeColumns: { field: "Field", before: "Published now", after: "After publishing" },
    noChanges: "It changes none of the fields the public reads.",
    retractionNote: "A retraction changes no field: it withdraws the record from the public lists.",
    notCurrent:
      "The record has changed since this proposal was made: publishing it would be refused. Return it, so the editor proposes it again.",
    publishReasonLabel: "Why you publish it",
    publishReasonHint:
      "Kept with the proposal and shown in the record's history, e.g. “The ministry's report is signed”.",
    publishReasonError: "Say why you publish it, in at least 3 characters",
    proposalReturnHint: "The editor reads it with the proposal, and it is kept in the record's history.",
    returnProposal: "Return to the editor…",
    confirmReturnProposal: "Return it to the editor",
    proposalOutcome: { published: "Published.", returned: "Returned to the editor." },
    publishedTitle: label("workflowStatus", "published", "en"),
    publishedLede:
      "Your ministry's records the public reads. A correction or a retraction is proposed to your ministry's approver, and the public reads the published version until it is published.",
    noPublished: "Nothing published yet.",
    correct: "Correct",
    correctOf: (kind: string, label: string) => `Correct ${kind.toLowerCase()} “${label}”`,
    retract: "Retract…",
    retractOf: (kind: string, label: string) => `Retract ${kind.toLowerCase()} “${label}”`,
    confirmRetract: "Propose the retraction",
    retracted: (label: string) =>
      `Proposed: the retraction of “${label}” waits for your ministry's approver.`,
    awaiting: (kind: string) => `${kind}: awaiting approval`,
    failed: (message: string) => `Not done: ${message}`,
    loading: "Loading…",
  },
  {
    fields: {
      title: "Назва",
      commitment: "Зобов’язання",
      position: "Місце в графіку",
      donor: "Донор",
      recipient: "Отримувач",
      category: "Категорія",
      stage: "Етап",
      date: "Дата",
      due: "Строк",
      measure: "Сума або кількість",
      measureBasis: "Основа",
      confidence: "Достовірність",
      period: "Період",
      conditions: "Умови",
      note: "Примітка",
      sources: "Джерела",
    },
    none: "немає",
    position: (n: number) => `№ ${n}`,
    review: "Переглянути",
    reviewOf: (kind: string, label: string) => `Переглянути: ${kind.toLowerCase()} «${label}»`,
    closeReview: "Закрити перегляд",
    reviewTitle: (kind: string, label: string) => `${kind} «${label}» — як його побачить публіка`,
    noSources: "Джерел немає.",
    publish: "Опублікувати…",
    return: "Повернути на доопрацювання…",
    confirmPublish: (n: number) =>
      n === 1
        ? "Після публікації запис стане публічним: його з джерелами зможе прочитати будь-хто в трекері та через API. Опублікований запис виправляють лише через пропозицію."
        : `Після публікації ${n} ${записи(n)} стануть публічними: їх із джерелами зможе прочитати будь-хто в трекері та через API. Опублікований запис виправляють лише через пропозицію.`,
    confirmPublishButton: (n: number) =>
      n === 1 ? "Так, опублікувати" : `Так, опублікувати ${n} ${записи(n)}`,
    confirmProposal: (kind: "correction" | "retraction"): string =>
      kind === "correction"
        ? "Після публікації виправлення стане публічним: виправлений запис стане його наступною версією, і всі побачать нові цифри; стара версія залишиться в історії."
        : "Після публікації запис зникне з публічних списків; його версії залишаться доступними в історії.",
    cancel: "Скасувати",
    reasonLabel: (n: number) => (n === 1 ? "Чому його повернуто" : `Чому повернуто ці записи (${n})`),
    reasonHint: "Редактор прочитає це в рядку чернетки; причина зберігається в історії запису.",
    reasonError: "Вкажіть причину повернення, щонайменше 3 символи",
    retractReasonLabel: "Чому його відкликано",
    retractReasonHint:
      "Затверджувач прочитає це перед публікацією відкликання; причина зберігається в історії запису.",
    retractReasonError: "Вкажіть причину відкликання, щонайменше 3 символи",
    confirmReturn: (n: number) =>
      n === 1 ? "Повернути на доопрацювання" : `Повернути на доопрацювання ${n} ${записи(n)}`,
    returnedBy: (who: string, when: string, reason: string) => `Повернув(ла) ${who}, ${when}: ${reason}`,
    returnedNoReason: (who: string, when: string) => `Повернув(ла) ${who}, ${when}.`,
    proposalReturnedBy: (kind: string, who: string, when: string, reason: string) =>
      `${kind}: повернув(ла) ${who}, ${when}: ${reason}`,
    proposalReturnedNoReason: (kind: string, who: string, when: string) =>
      `${kind}: повернув(ла) ${who}, ${when}.`,
    waiting: (submitted: number, proposed: number) =>
      submitted + proposed === 0
        ? "Нічого не чекає на ваше рішення."
        : `Чекають на ваше рішення: подані записи — ${submitted}, пропозиції виправити чи відкликати опублікований запис — ${proposed}.`,
    navWaiting: (n: number) => `Робочий простір (${n})`,
    navWaitingTail: "чекають на ваше рішення",
    proposalsTitle: "Виправлення й відкликання на рішення",
    proposalsLede:
      "Ці зміни опублікованих записів пропонують редактори вашого міністерства; доки ви не опублікуєте зміну, публіка бачить опубліковану версію.",
    noProposals: "Жодне виправлення чи відкликання не чекає.",
    proposalKinds: { correction: "Виправлення", retraction: "Відкликання" },
    proposalOf: (kind: string, recordKind: string, label: string) =>
      `${kind}: ${recordKind.toLowerCase()} «${label}»`,
    proposedBy: (who: string, when: string, reason: string) => `Запропонував(ла) ${who}, ${when}: ${reason}`,
    changesCaption: "Що змінить публікація",
    changeColumns: { field: "Поле", before: "Опубліковано зараз", after: "Після публікації" },
    noChanges: "Не змінює жодного поля, яке бачить публіка.",
    retractionNote: "Відкликання не змінює полів: воно вилучає запис із публічних списків.",
    notCurrent:
      "Запис змінився після цієї пропозиції: публікацію буде відхилено. Поверніть її, щоб редактор запропонував зміну знову.",
    publishReasonLabel: "Чому ви це публікуєте",
    publishReasonHint:
      "Зберігається з пропозицією й показується в історії запису, наприклад «Звіт міністерства підписано».",
    publishReasonError: "Вкажіть, чому ви це публікуєте, щонайменше 3 символи",
    proposalReturnHint: "Редактор прочитає це разом із пропозицією; причина зберігається в історії запису.",
    returnProposal: "Повернути редакторові…",
    confirmReturnProposal: "Повернути редакторові",
    proposalOutcome: { published: "Опубліковано.", returned: "Повернуто редакторові." },
    publishedTitle: "Опубліковані",
    publishedLede:
      "Записи вашого міністерства, які бачить публіка. Виправлення чи відкликання пропонується затверджувачеві вашого міністерства; доки його не опубліковано, публіка бачить опубліковану версію.",
    noPublished: "Ще нічого не опубліковано.",
    correct: "Виправити",
    correctOf: (kind: string, label: string) => `Виправити: ${kind.toLowerCase()} «${label}»`,
    retract: "Відкликати…",
    retractOf: (kind: string, label: string) => `Відкликати: ${kind.toLowerCase()} «${label}»`,
    confirmRetract: "Запропонувати відкликання",
    retracted: (label: string) =>
      `Запропоновано: відкликання «${label}» чекає на затверджувача вашого міністерства.`,
    awaiting: (kind: string) => `${kind}: чекає на затвердження`,
    failed: (message: string) => `Не виконано: ${message}`,
    loading: "Завантаження…",
  },
);
export type ReviewMessages = (typeof reviewMessages)["en"];
