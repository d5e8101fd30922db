import { localised } from "../i18n/index.ts";
import { label } from "../i18n/vocabulary.ts";

export const messages = localised(
  {
    title: "Donors",
    lede: "Every donor's promises and deliveries, converted to euros at each figure's own date. Open a donor for its chart, its commitments and the agreements it is party to.",
    donor: "Donor",
    promised: label("stage", "committed", "en"),
    delivered: label("stage", "delivered", "en"),
    share: "Delivered of committed",
    none: "No donor has recorded figures yet.",
    back: "All donors",
    donorLede: (name: string) =>
      `What ${name} committed to Ukraine and what it has delivered, by category, with every commitment and agreement.`,
    commitments: "Commitments",
    agreements: "Agreements it is party to",
    noCommitments: "No commitments recorded for this donor.",
    noAgreements: "No agreements recorded for this donor.",
    synthetic: "synthetic",
  },
  {
    title: "Донори",
    lede: "Обіцянки і поставки кожного донора, перераховані в євро за курсом на дату кожної цифри. Відкрийте донора, щоб побачити його графік, зобов’язання та угоди.",
    donor: "Донор",
    promised: label("stage", "committed", "uk"),
    delivered: label("stage", "delivered", "uk"),
    share: "Поставлено від обсягу взятих зобов’язань",
    none: "Жоден донор ще не має записаних цифр.",
    back: "Усі донори",
    donorLede: (name: string) =>
      `Що ${name} зобов’язався надати Україні і що вже поставлено, за категоріями, з усіма зобов’язаннями та угодами.`,
    commitments: "Зобов’язання",
    agreements: "Угоди, учасником яких є донор",
    noCommitments: "Для цього донора зобов’язань не записано.",
    noAgreements: "Для цього донора угод не записано.",
    synthetic: "синтетичні",
  },
);
