import { localised } from "../i18n/index.ts";
import { label } from "../i18n/vocabulary.ts";

const ukPlural = (n: number, one: string, few: string, many: string) => {
  const form = new Intl.PluralRules("uk").select(n);
  return form === "one" ? one : form === "few" ? few : many;
};
const enCount = (n: number) => new Intl.NumberFormat("en-GB").format(n);
const ukCount = (n: number) => new Intl.NumberFormat("uk-UA").format(n);

/** The strings of the watch list (?view=watch). */
export const messages = localised(
  {
    title: "Watch list",
    lede: "Commitments falling behind their schedule: what was due by now, what has been delivered, and how many days the oldest unpaid tranche is overdue. Figures from the tracker’s fulfilment table; open a commitment for its sources.",
    filters: "Filter the list",
    donor: "Donor",
    allDonors: "All donors",
    category: "Category",
    allCategories: "All categories",
    clear: "Clear the filters",
    loading: "Loading the fulfilment figures…",
    failed: (message: string) => `Could not load the watch list: ${message}`,
    behindTitle: "Behind schedule",
    behindCaption: (n: number, date: string) =>
      `${enCount(n)} ${n === 1 ? "commitment" : "commitments"} behind schedule as of ${date}, the longest delay first.`,
    noneBehind: (date: string) => `No commitment is behind its schedule as of ${date}.`,
    noneBehindFiltered: (date: string) =>
      `No commitment of this donor and category is behind its schedule as of ${date}.`,
    commitment: "Commitment",
    dueBy: (date: string) => `Due by ${date}`,
    delivered: label("stage", "delivered", "en"),
    adherence: "Adherence",
    daysLate: "Days late",
    pin: "Pin",
    pinFor: (title: string) => `to my watch list: ${title}`,
    nothingDue: "Nothing due yet",
    noFigures: (problem: string) => `No figures: ${problem}`,
    synthetic: "Synthetic",
    disputed: label("confidence", "disputed", "en"),
    mine: "My watch list",
    mineNote:
      "Kept in this browser: the tracker does not store pins on its server, so they do not follow you to another device.",
    mineEmpty: "Nothing pinned yet. Pin a commitment below, or on its own page, to follow it here.",
    mineCaption: (n: number) => `${enCount(n)} pinned ${n === 1 ? "commitment" : "commitments"}, as pinned.`,
    notFound: (id: string) => `No commitment “${id}” any more.`,
    signInToPin: "Sign in to pin commitments to your own watch list.",
    signIn: "Sign in",
  },
  {
    title: "Список спостереження",
    lede: "Зобов’язання, що відстають від графіка: що мало надійти досі, що поставлено і скільки днів прострочено найдавніший непокритий транш. Цифри з таблиці виконання трекера; відкрийте зобов’язання, щоб побачити джерела.",
    filters: "Фільтри списку",
    donor: "Донор",
    allDonors: "Усі донори",
    category: "Категорія",
    allCategories: "Усі категорії",
    clear: "Скинути фільтри",
    loading: "Завантаження показників виконання…",
    failed: (message: string) => `Не вдалося завантажити список спостереження: ${message}`,
    behindTitle: "Відстають від графіка",
    behindCaption: (n: number, date: string) =>
      `${ukCount(n)} ${ukPlural(n, "зобов’язання відстає", "зобов’язання відстають", "зобов’язань відстають")} від графіка станом на ${date}; спершу найбільша затримка.`,
    noneBehind: (date: string) => `Станом на ${date} жодне зобов’язання не відстає від графіка.`,
    noneBehindFiltered: (date: string) =>
      `Станом на ${date} жодне зобов’язання цього донора і цієї категорії не відстає від графіка.`,
    commitment: "Зобов’язання",
    dueBy: (date: string) => `За графіком до ${date}`,
    delivered: label("stage", "delivered", "uk"),
    adherence: "Виконання графіка",
    daysLate: "Днів затримки",
    pin: "Закріпити",
    pinFor: (title: string) => `у моєму списку: ${title}`,
    nothingDue: "Ще нічого не мало надійти",
    noFigures: (problem: string) => `Показників немає: ${problem}`,
    synthetic: "Синтетичні",
    disputed: label("confidence", "disputed", "uk"),
    mine: "Мій список спостереження",
    mineNote:
      "Зберігається в цьому браузері: трекер не зберігає закріплені зобов’язання на сервері, тож на іншому пристрої їх не буде.",
    mineEmpty:
      "Ще нічого не закріплено. Закріпіть зобов’язання нижче або на його сторінці, щоб стежити за ним тут.",
    mineCaption: (n: number) =>
      `${ukCount(n)} ${ukPlural(n, "закріплене зобов’язання", "закріплені зобов’язання", "закріплених зобов’язань")}, у порядку закріплення.`,
    notFound: (id: string) => `Зобов’язання «${id}» більше немає.`,
    signInToPin: "Увійдіть, щоб закріплювати зобов’язання у власному списку спостереження.",
    signIn: "Увійти",
  },
);
