import { pluralUk } from "../format.ts";
import { localised } from "./index.ts";

/** The parts of a record that keep it from being retracted while they are live. */
type Parts = "tranche" | "event" | "both" | "other";
type Outcome = "published" | "returned" | "other";

/**
 * The API's refusals in the page's words (apps/web/src/problems.ts chooses which): what happened and what to do,
 * never a status code. The API speaks English to every client; a Ukrainian page says it in Ukrainian, and where
 * it has no words of its own it gives the API's English as a detail for support, marked as such.
 */
export const refusalWords = localised(
  {
    stale:
      "Someone changed this record after you opened it, so nothing was saved. Reload it to see the current version, then try again.",
    notAStep: (status: string) =>
      `This step cannot be taken from where the record stands now (${status}): reload the page to see where it is.`,
    notAStepUnnamed:
      "This step cannot be taken from where the record stands now: reload the page to see where it is.",
    published: "It is published already: a published record is corrected, giving the reason, not moved back.",
    commitmentUnpublished: (title: string) =>
      `Its commitment “${title}” is not published yet: publish the commitment first, then this record.`,
    commitmentUnpublishedUnnamed:
      "Its commitment is not published yet: publish the commitment first, then this record.",
    hasParts: (parts: string) =>
      `It cannot be retracted while ${parts} still refer to it: retract or delete them first, then this record.`,
    parts: {
      tranche: "its tranches",
      event: "its stage events",
      both: "its tranches and stage events",
      other: "other live records",
    } satisfies Record<Parts, string>,
    retracted:
      "It was retracted meanwhile, so nothing more can be done with it: reload the page to see the current list.",
    decided: {
      published: "This proposal has been published already: reload the page to see it.",
      returned: "This proposal has been returned already: reload the page to see it.",
      other: "This proposal has been decided already: reload the page to see it.",
    } satisfies Record<Outcome, string>,
    disputeClosed: "This dispute is closed already: reload the page to see how it ended.",
    notDelivery: "This record is not a delivery, so there is no receipt to confirm.",
    targetUnpublished: "The record is not published, so it cannot be remarked on: reload the page.",
    conflict:
      "It cannot be done as the record stands now: reload the page to see its current version, then try again.",
    forbidden: (reason: string) => `Your account may not do this: ${reason}.`,
    forbiddenUnexplained: "Your account may not do this.",
    notSettable: (fields: string) => `Your role may not set these fields: ${fields}.`,
    crossSite: "The page's security check failed: reload the page, then try again.",
    signedOut: "Your session has ended: sign in again, then try again.",
    tooMany: (wait: string) => `Too many requests in a short time: wait ${wait}, then try again.`,
    aMinute: "a minute",
    seconds: (n: number) => (n === 1 ? "1 second" : `${n} seconds`),
    minutes: (n: number) => (n === 1 ? "1 minute" : `${n} minutes`),
    tooLarge: "What was sent is larger than the tracker accepts: send a smaller file or fewer entries.",
    unsupported: "The tracker cannot read what was sent: it is not in a format the tracker accepts.",
    invalid: (fields: string) =>
      `The tracker did not accept these fields: ${fields}. Check them, then try again.`,
    invalidUnnamed: "The tracker did not accept what was sent: check the entries, then try again.",
    checkFields: "Check the fields marked below: nothing has been saved.",
    nothingChanged: "Nothing has changed: change a field first.",
    notFound: "It is no longer there, or your account may not see it: reload the page.",
    gone: "The record it concerns is no longer there: reload the page.",
    server: (reference: string) =>
      `The tracker failed on its side, so nothing was done. Try again in a moment; if it fails again, report it with this reference: ${reference}.`,
    serverUnreferenced: "The tracker failed on its side, so nothing was done. Try again in a moment.",
    busy: (wait: string) => `The tracker is busy: wait ${wait}, then try again.`,
    unreachable: "Could not reach the tracker: check your connection, then try again.",
    other: (message: string) => `The tracker refused it: ${message}`,
    /** A field's problem the page has no words for: the API's own words, which are English already. */
    detail: (message: string) => message,
    details: {
      "not settable by your role": "Your role may not set this field",
      "no such record": "There is no such record (any more)",
      "every field already has this value": "Nothing has changed: change a field first",
      "contains a NUL character or a lone surrogate": "Contains characters that cannot be stored",
      "not the current version": "Someone changed the record meanwhile: reload it",
    },
    list: (names: readonly string[]) =>
      names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`,
    unknownField: "a value the form does not show",
    source: (n: number) => `source ${n}`,
    fields: {
      reason: "reason",
      title: "title",
      measure: "amount or quantity",
      amount: "amount",
      currency: "currency",
      count: "count",
      unit: "unit",
      item: "item",
      date: "date",
      due: "due date",
      period: "period",
      start: "start of the period",
      end: "end of the period",
      sources: "sources",
      url: "web address",
      kind: "kind",
      publisher: "publisher",
      published: "publication date",
      locator: "where in the source",
      quote: "quotation",
      commitment: "commitment",
      stage: "stage",
      confidence: "confidence",
      note: "note",
      statement: "statement",
      text: "text",
      figure: "figure",
      resolution: "resolution",
      outcome: "outcome",
      received: "date received",
      name: "name",
      email: "e-mail",
      password: "password",
      current: "current password",
      next: "new password",
      expiresInDays: "days until it expires",
      scopes: "permissions",
      status: "status",
      donor: "donor",
      recipient: "recipient",
      category: "category",
      agreement: "agreement",
      conditions: "conditions",
      position: "place in the schedule",
      "if-match": "the version of the record",
      "content-type": "type of file",
      format: "format",
    },
  },
  {
    stale:
      "Хтось змінив цей запис після того, як ви його відкрили, тож нічого не збережено. Перезавантажте його, щоб побачити чинну версію, і спробуйте знову.",
    notAStep: (status: string) =>
      `Цей крок неможливий із поточного стану запису («${status}»): перезавантажте сторінку, щоб побачити, де запис тепер.`,
    notAStepUnnamed:
      "Цей крок неможливий із поточного стану запису: перезавантажте сторінку, щоб побачити, де запис тепер.",
    published:
      "Запис уже опубліковано: опублікований запис не повертають назад, а виправляють із зазначенням причини.",
    commitmentUnpublished: (title: string) =>
      `Зобов’язання «${title}» ще не опубліковано: спершу опублікуйте зобов’язання, а тоді цей запис.`,
    commitmentUnpublishedUnnamed:
      "Його зобов’язання ще не опубліковано: спершу опублікуйте зобов’язання, а тоді цей запис.",
    hasParts: (parts: string) =>
      `Його не можна відкликати, доки на нього посилаються ${parts}: спершу відкличте або видаліть їх, а тоді цей запис.`,
    parts: {
      tranche: "його транші",
      event: "його події етапів",
      both: "його транші й події етапів",
      other: "інші чинні записи",
    },
    retracted:
      "Тим часом його відкликали, тож із ним більше нічого не можна зробити: перезавантажте сторінку, щоб побачити чинний список.",
    decided: {
      published: "Цю пропозицію вже опубліковано: перезавантажте сторінку, щоб її побачити.",
      returned: "Цю пропозицію вже повернуто: перезавантажте сторінку, щоб її побачити.",
      other: "Щодо цієї пропозиції вже ухвалено рішення: перезавантажте сторінку, щоб її побачити.",
    },
    disputeClosed: "Це оскарження вже закрито: перезавантажте сторінку, щоб побачити, чим воно завершилося.",
    notDelivery: "Цей запис не є поставкою, тож підтверджувати отримання нічого.",
    targetUnpublished:
      "Запис не опубліковано, тож його не можна коментувати чи оскаржувати: перезавантажте сторінку.",
    conflict:
      "За поточного стану запису це неможливо: перезавантажте сторінку, щоб побачити чинну версію, і спробуйте знову.",
    forbidden: (reason: string) => `Ваш обліковий запис не може цього зробити: ${reason}.`,
    forbiddenUnexplained: "Ваш обліковий запис не може цього зробити.",
    notSettable: (fields: string) => `Ваша роль не дозволяє змінювати ці поля: ${fields}.`,
    crossSite: "Не пройдено перевірку безпеки сторінки: перезавантажте сторінку і спробуйте знову.",
    signedOut: "Ваш сеанс завершився: увійдіть знову і спробуйте ще раз.",
    tooMany: (wait: string) => `Забагато запитів за короткий час: зачекайте ${wait} і спробуйте знову.`,
    aMinute: "хвилину",
    seconds: (n: number) => `${n} ${pluralUk(n, "секунду", "секунди", "секунд")}`,
    minutes: (n: number) => `${n} ${pluralUk(n, "хвилину", "хвилини", "хвилин")}`,
    tooLarge: "Надіслане більше, ніж приймає трекер: надішліть менший файл або менше даних.",
    unsupported: "Трекер не може прочитати надіслане: воно не в тому форматі, який він приймає.",
    invalid: (fields: string) => `Трекер не прийняв ці поля: ${fields}. Перевірте їх і спробуйте знову.`,
    invalidUnnamed: "Трекер не прийняв надіслане: перевірте введене і спробуйте знову.",
    checkFields: "Перевірте позначені нижче поля: нічого не збережено.",
    nothingChanged: "Нічого не змінено: спершу змініть якесь поле.",
    notFound: "Цього більше немає, або ваш обліковий запис не має до цього доступу: перезавантажте сторінку.",
    gone: "Запису, якого це стосується, більше немає: перезавантажте сторінку.",
    server: (reference: string) =>
      `Стався збій на боці трекера, тож нічого не зроблено. Спробуйте ще раз трохи згодом; якщо збій повториться, повідомте про нього, назвавши цей номер: ${reference}.`,
    serverUnreferenced: "Стався збій на боці трекера, тож нічого не зроблено. Спробуйте ще раз трохи згодом.",
    busy: (wait: string) => `Трекер зараз зайнятий: зачекайте ${wait} і спробуйте знову.`,
    unreachable: "Не вдалося зв’язатися з трекером: перевірте з’єднання і спробуйте знову.",
    other: (message: string) =>
      `Трекер відхилив запит. Його пояснення англійською, для служби підтримки: «${message}»`,
    detail: (message: string) =>
      `Трекер не прийняв це значення. Його пояснення англійською, для служби підтримки: «${message}»`,
    details: {
      "not settable by your role": "Ваша роль не дозволяє змінювати це поле",
      "no such record": "Такого запису немає (більше немає)",
      "every field already has this value": "Нічого не змінено: спершу змініть якесь поле",
      "contains a NUL character or a lone surrogate": "Містить символи, які неможливо зберегти",
      "not the current version": "Тим часом хтось змінив запис: перезавантажте його",
    },
    list: (names: readonly string[]) =>
      names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} і ${names.at(-1)}`,
    unknownField: "значення, якого форма не показує",
    source: (n: number) => `джерело ${n}`,
    fields: {
      reason: "причина",
      title: "назва",
      measure: "сума або кількість",
      amount: "сума",
      currency: "валюта",
      count: "кількість",
      unit: "одиниця виміру",
      item: "найменування",
      date: "дата",
      due: "строк",
      period: "період",
      start: "початок періоду",
      end: "кінець періоду",
      sources: "джерела",
      url: "вебадреса",
      kind: "тип",
      publisher: "видавець",
      published: "дата публікації",
      locator: "де саме в джерелі",
      quote: "цитата",
      commitment: "зобов’язання",
      stage: "етап",
      confidence: "достовірність",
      note: "примітка",
      statement: "твердження",
      text: "текст",
      figure: "цифра",
      resolution: "рішення",
      outcome: "результат",
      received: "дата отримання",
      name: "назва",
      email: "електронна пошта",
      password: "пароль",
      current: "чинний пароль",
      next: "новий пароль",
      expiresInDays: "строк дії (днів)",
      scopes: "дозволи",
      status: "стан",
      donor: "донор",
      recipient: "отримувач",
      category: "категорія",
      agreement: "угода",
      conditions: "умови",
      position: "місце в графіку",
      "if-match": "версія запису",
      "content-type": "тип файлу",
      format: "формат",
    },
  },
);

export type RefusalWords = (typeof refusalWords)["en"];
