import { localised } from "../i18n/index.ts";
import { label } from "../i18n/vocabulary.ts";

const enCount = (n: number) => new Intl.NumberFormat("en-GB").format(n);
const ukCount = (n: number) => new Intl.NumberFormat("uk-UA").format(n);
const ukPlural = (n: number, one: string, few: string, many: string) => {
  const form = new Intl.PluralRules("uk").select(n);
  return form === "one" ? one : form === "few" ? few : many;
};

/** The strings of a recipient's confirmation of receipt: the form, its answers, and the verifiers' queue. */
export const messages = localised(
  {
    action: "Confirm receipt",
    form: {
      title: (what: string) => `Confirm receipt of ${what}`,
      recorded: (figure: string) => `The recorded figure: ${figure}.`,
      received: "Date received",
      receivedHint:
        "Day first, as 31.03.2025 or 31/03/2025, or 2025-03-31; only the month (2025-03) or the year if that is all you know.",
      note: "Note (optional)",
      noteHint: "What arrived and where, and anything that differs from the record.",
      source: "Source (optional)",
      submit: "Confirm receipt",
      sending: "Recording…",
      cancel: "Cancel",
      checkFields: "Check the fields marked below: nothing has been recorded.",
      errors: {
        received: "Write the date as 31.03.2025, 31/03/2025, 2025-03-31, 2025-03 or 2025.",
        note: "Keep the note to 2,000 characters.",
      },
    },
    done: `Receipt confirmed: the delivery now reads “${label("confidence", "confirmed_by_recipient", "en")}”.`,
    refused: {
      stale:
        "Someone changed this delivery after you opened the page, so nothing was recorded. The page now shows the current record: check it, then confirm again.",
      forbidden:
        "Your account may not confirm this delivery: only the recipient country’s verifiers confirm receipt.",
      notDelivery: "This record is no longer a delivery, so there is nothing to confirm as received.",
      gone: "This delivery is no longer published, so there is nothing to confirm.",
      signedOut: "Your session has ended: sign in again, then confirm.",
    },
    queue: {
      title: "Deliveries to confirm",
      nav: (n: number) => `To confirm (${enCount(n)})`,
      lede: (country: string) =>
        `Published deliveries to ${country} that donors' ministries reported in the tracker and that wait for your ministry to confirm they were received, the oldest first. Confirm each as it arrives; to say one did not arrive as recorded, open it and dispute the figure instead. A publisher's figures (Kiel's, SIPRI's) are not listed here: confirm one from its commitment's page.`,
      loading: "Loading the deliveries to confirm…",
      failed: (message: string) => `Could not load the deliveries to confirm: ${message}`,
      empty: (country: string) =>
        `Nothing waits for confirmation: every published delivery to ${country} is confirmed.`,
      caption: (n: number) =>
        `${enCount(n)} ${n === 1 ? "delivery" : "deliveries"} waiting for confirmation, the oldest first.`,
      date: "Date",
      donor: "Donor",
      commitment: "Commitment",
      amount: "Amount",
      confirm: "Confirm",
      notSignedIn: "Sign in as a verifier of a recipient country to confirm deliveries.",
      signIn: "Sign in",
      notAllowed:
        "Your roles do not include confirming deliveries as received: that is for the recipient country’s verifiers.",
    },
  },
  {
    action: "Підтвердити отримання",
    form: {
      title: (what: string) => `Підтвердити отримання: ${what}`,
      recorded: (figure: string) => `Записана цифра: ${figure}.`,
      received: "Дата отримання",
      receivedHint:
        "Спершу день: 31.03.2025 або 31/03/2025, чи 2025-03-31; лише місяць (2025-03) або рік, якщо відомо тільки це.",
      note: "Примітка (необов’язково)",
      noteHint: "Що надійшло і куди, і чим це відрізняється від запису.",
      source: "Джерело (необов’язково)",
      submit: "Підтвердити отримання",
      sending: "Записуємо…",
      cancel: "Скасувати",
      checkFields: "Перевірте позначені нижче поля: нічого не записано.",
      errors: {
        received: "Запишіть дату як 31.03.2025, 31/03/2025, 2025-03-31, 2025-03 або 2025.",
        note: "Примітка — не довше 2000 символів.",
      },
    },
    done: `Отримання підтверджено: тепер поставка має позначку «${label("confidence", "confirmed_by_recipient", "uk")}».`,
    refused: {
      stale:
        "Хтось змінив цю поставку після того, як ви відкрили сторінку, тож нічого не записано. Тепер сторінка показує чинний запис: перевірте його і підтвердьте знову.",
      forbidden:
        "Ваш обліковий запис не може підтвердити цю поставку: отримання підтверджують лише верифікатори країни-отримувача.",
      notDelivery: "Цей запис більше не є поставкою, тож підтверджувати нічого.",
      gone: "Цю поставку більше не опубліковано, тож підтверджувати нічого.",
      signedOut: "Ваш сеанс завершився: увійдіть знову, тоді підтвердьте.",
    },
    queue: {
      title: "Поставки до підтвердження",
      nav: (n: number) => `До підтвердження (${ukCount(n)})`,
      lede: (country: string) =>
        `Опубліковані поставки до країни «${country}», про які міністерства-донори повідомили в трекері і отримання яких ще має підтвердити ваше міністерство, — від найдавніших. Підтверджуйте кожну, щойно вона надійде; якщо поставка надійшла не так, як записано, відкрийте її та оскаржте цифру. Цифр видавців даних (Кільського інституту, SIPRI) тут немає: підтвердьте таку цифру на сторінці її зобов’язання.`,
      loading: "Завантаження поставок до підтвердження…",
      failed: (message: string) => `Не вдалося завантажити поставки до підтвердження: ${message}`,
      empty: (country: string) =>
        `Нічого не чекає на підтвердження: усі опубліковані поставки до країни «${country}» підтверджено.`,
      caption: (n: number) =>
        `${ukCount(n)} ${ukPlural(n, "поставка чекає", "поставки чекають", "поставок чекають")} на підтвердження, від найдавніших.`,
      date: "Дата",
      donor: "Донор",
      commitment: "Зобов’язання",
      amount: "Сума",
      confirm: "Підтвердження",
      notSignedIn: "Увійдіть як верифікатор країни-отримувача, щоб підтверджувати поставки.",
      signIn: "Увійти",
      notAllowed:
        "Ваші ролі не передбачають підтвердження отримання поставок: це роблять верифікатори країни-отримувача.",
    },
  },
);

export type ConfirmMessages = (typeof messages)["en"];
