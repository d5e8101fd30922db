import { localised } from "../i18n/index.ts";
import { inSentence } from "../i18n/vocabulary.ts";

export const messages = localised(
  {
    title: "Donors",
    lede: "Every donor's promises and what has come of them, source by source: each publisher's figures measured against the furthest stage it reports, money converted to euros at each figure's own date. Open a donor for its chart, its commitments and the agreements it is party to.",
    donor: "Donor",
    sourceHeading: (source: string, measure: string) => `${source}: ${inSentence(measure)}`,
    release: (release: string) => `Source: ${release}.`,
    none: "No donor has recorded figures yet.",
    back: "All donors",
    donorLede: (name: string) =>
      `What ${name} committed to Ukraine and what has come of it, source by source, with every commitment and agreement.`,
    items: "Items, counted",
    commitments: "Commitments",
    agreements: "Agreements it is party to",
    noCommitments: "No commitments recorded for this donor.",
    noAgreements: "No agreements recorded for this donor.",
    synthetic: "synthetic",
  },
  {
    title: "Донори",
    lede: "Обіцянки кожного донора і те, що з них виконано, окремо за кожним джерелом: цифри кожного видавця порівняно з найдальшим етапом, про який він повідомляє; кошти перераховано в євро за курсом на дату кожної цифри. Відкрийте донора, щоб побачити його графік, зобов’язання та угоди.",
    donor: "Донор",
    sourceHeading: (source: string, measure: string) => `${source}: ${inSentence(measure)}`,
    release: (release: string) => `Джерело: ${release}.`,
    none: "Жоден донор ще не має записаних цифр.",
    back: "Усі донори",
    donorLede: (name: string) =>
      `Що ${name} зобов’язався надати Україні і що з цього виконано, окремо за кожним джерелом, з усіма зобов’язаннями та угодами.`,
    items: "Майно, у штуках",
    commitments: "Зобов’язання",
    agreements: "Угоди, учасником яких є донор",
    noCommitments: "Для цього донора зобов’язань не записано.",
    noAgreements: "Для цього донора угод не записано.",
    synthetic: "синтетичні",
  },
);
