import { pluralUk } from "../format.ts";
import { localised } from "../i18n/index.ts";
import { inSentence, label, words } from "../i18n/vocabulary.ts";

/** As promise.ts names them (not imported from there, which reads these messages). */
type PromiseStage = "committed" | "pledged" | "none";

// The stages a new promise's amount can be recorded at, in the vocabulary's words (label and description).
const stageChoice = (lang: "en" | "uk", none: string): Record<PromiseStage, string> => ({
  committed: `${label("stage", "committed", lang)}: ${inSentence(words("stage", "committed", lang).description)}`,
  pledged: `${label("stage", "pledged", lang)}: ${inSentence(words("stage", "pledged", lang).description)}`,
  none,
});

const instalmentsUk = (n: number) => pluralUk(n, "транш", "транші", "траншів");

export const promiseMessages = localised(
  {
    stageLegend: "How far the promise has come",
    stageHint:
      "Saved with the commitment as its stage event, citing the commitment's sources. Public totals count a promise from its committed stage.",
    stages: stageChoice("en", "Record no stage yet (the public totals will count nothing for it)"),
    stageDate: (stage: Exclude<PromiseStage, "none">): string =>
      stage === "committed" ? "Committed on" : "Announced on",
    dateHint: "31/03/2027, March 2027 or 2027: as precise as the source.",
    scheduleLegend: "Schedule (optional)",
    scheduleHint: "The instalments the source plans, each due by a date: saved as the commitment's tranches.",
    noSchedule: "No instalments: add them if the source plans any.",
    instalment: (n: number) => `Instalment ${n}`,
    due: "Due by",
    amount: (unit: string) => `Amount (${unit})`,
    remove: (n: number) => `Remove instalment ${n}`,
    add: "Add an instalment",
    stageFailed: (message: string) =>
      `The commitment is saved as a draft, but its stage event is not. Correct it and save again: what is saved is not recorded twice. Why: ${message}`,
    instalmentFailed: (n: number, message: string) =>
      `The commitment is saved as a draft, but instalment ${n} is not. Correct it and save again: what is saved is not recorded twice. Why: ${message}`,
    savedWith: (stage: string | null, instalments: number) => {
      const parts = [
        stage ? `the ${inSentence(stage)} stage of its amount` : null,
        instalments > 0 ? `${instalments} instalment${instalments === 1 ? "" : "s"}` : null,
      ].filter(Boolean);
      return parts.length > 0 ? `With it, as drafts: ${parts.join(" and ")}.` : "";
    },
    preview: {
      title: "How it will read once published",
      promised: "Promised",
      delivered: label("stage", "delivered", "en"),
      scheduleTerm: "Schedule",
      noAmount: "Enter the amount or quantity to see it.",
      nothingPromised:
        "Nothing: without a committed stage the donor's page and the fulfilment figures count nothing for this promise.",
      onlyPledged: (amount: string) =>
        `Nothing yet: ${amount} shows as announced, and counts as promised only once a committed stage is recorded.`,
      nothingDelivered: "Nothing yet: deliveries are recorded as they happen, each with its source.",
      noSchedule: "No instalments planned.",
      scheduleUnread: (n: number) => `${n} instalment${n === 1 ? "" : "s"}: check their figures.`,
      schedule: (n: number, total: string, amount: string, words: string) =>
        `${n} instalment${n === 1 ? "" : "s"} totalling ${total} of ${amount}: ${words}.`,
      covers: "the whole amount",
      short: "less than the amount",
      over: "more than the amount",
    },
  },
  {
    stageLegend: "Якого етапу досягла обіцянка",
    stageHint:
      "Зберігається разом із зобов’язанням як подія етапу з посиланням на джерела зобов’язання. Публічні підсумки зараховують обіцянку з етапу зобов’язання.",
    stages: stageChoice("uk", "Поки не записувати етап (публічні підсумки нічого не зарахують)"),
    stageDate: (stage: Exclude<PromiseStage, "none">) =>
      stage === "committed" ? "Дата зобов’язання" : "Дата оголошення",
    dateHint: "31.03.2027, березень 2027 або 2027: так точно, як у джерелі.",
    scheduleLegend: "Графік (необов’язково)",
    scheduleHint: "Транші, які передбачає джерело, кожен зі строком: зберігаються як транші зобов’язання.",
    noSchedule: "Траншів немає: додайте їх, якщо джерело їх передбачає.",
    instalment: (n: number) => `Транш ${n}`,
    due: "Строк",
    amount: (unit: string) => `Сума (${unit})`,
    remove: (n: number) => `Вилучити транш ${n}`,
    add: "Додати транш",
    stageFailed: (message: string) =>
      `Зобов’язання збережено як чернетку, але подію етапу — ні. Виправте й збережіть знову: збережене не запишеться двічі. Причина: ${message}`,
    instalmentFailed: (n: number, message: string) =>
      `Зобов’язання збережено як чернетку, але транш ${n} — ні. Виправте й збережіть знову: збережене не запишеться двічі. Причина: ${message}`,
    savedWith: (stage: string | null, instalments: number) => {
      const parts = [
        stage ? `етап «${stage}»` : null,
        instalments > 0 ? `${instalments} ${instalmentsUk(instalments)}` : null,
      ].filter(Boolean);
      return parts.length > 0 ? `Разом із ним, як чернетки: ${parts.join(" і ")}.` : "";
    },
    preview: {
      title: "Як це виглядатиме після публікації",
      promised: "Обіцяно",
      delivered: label("stage", "delivered", "uk"),
      scheduleTerm: "Графік",
      noAmount: "Уведіть суму або кількість, щоб побачити її.",
      nothingPromised:
        "Нічого: без етапу зобов’язання сторінка донора й показники виконання нічого не зарахують для цієї обіцянки.",
      onlyPledged: (amount: string) =>
        `Поки нічого: ${amount} показано як оголошене, обіцяним воно стане лише після запису етапу зобов’язання.`,
      nothingDelivered: "Поки нічого: поставки записують, коли вони відбуваються, кожну з джерелом.",
      noSchedule: "Траншів не заплановано.",
      scheduleUnread: (n: number) => `${n} ${instalmentsUk(n)}: перевірте їхні суми.`,
      schedule: (n: number, total: string, amount: string, words: string) =>
        `${n} ${instalmentsUk(n)} на ${total} із ${amount}: ${words}.`,
      covers: "уся сума",
      short: "менше за суму",
      over: "більше за суму",
    },
  },
);

export type PromiseMessages = (typeof promiseMessages)["en"];
