import type { Terms, Words } from "./terms.ts";

/**
 * Table 1 of Tanner, "Friends and weapons: the architecture of security guarantees for Ukraine" (FES, October
 * 2025): three tiers and fifteen instrument types, in the table's order. The English labels and headings are the
 * table's own; the Ukrainian keeps Tanner's distinction between assurances (запевнення) and guarantees (гарантії).
 */
export const tierIds = ["soft", "intermediate", "hard"] as const;

export const instrumentTypeIds = [
  "expression_of_support",
  "political_commitment",
  "assurance",
  "pledge",
  "declaration_joint_statement",
  "partnership_agreement",
  "framework_agreement",
  "security_cooperation",
  "defence_cooperation_treaty",
  "robust_peacekeeping",
  "binding_bilateral_treaty",
  "mutual_defence_pact",
  "extended_deterrence",
  "alliance_obligation",
  "troop_stationing",
] as const;

/** A tier has Table 1's heading besides its label: "Soft — Political / non-binding". */
export interface TierWords extends Words {
  heading: string;
}

export const tierTerms: Terms<(typeof tierIds)[number], TierWords> = {
  soft: {
    en: {
      label: "Soft",
      heading: "Political / non-binding",
      description: "Lowest level of commitment, typically non-legally binding.",
    },
    uk: {
      label: "М’який",
      heading: "Політичні / необов’язкові",
      description: "Найнижчий рівень зобов’язань, зазвичай без юридичної сили.",
    },
  },
  intermediate: {
    en: {
      label: "Intermediate",
      heading: "Structured agreements",
      description: "More formalised agreements, but usually short of full mutual defence obligations.",
    },
    uk: {
      label: "Проміжний",
      heading: "Структуровані угоди",
      description: "Формалізованіші угоди, які зазвичай не сягають повних зобов’язань взаємної оборони.",
    },
  },
  hard: {
    en: {
      label: "Hard",
      heading: "Legal, military, full guarantees, ratified",
      description:
        "Most credible and enforceable commitments, involving legal obligations and military presence.",
    },
    uk: {
      label: "Жорсткий",
      heading: "Правові, військові, повні гарантії, ратифіковані",
      description:
        "Найнадійніші зобов’язання, виконання яких можна забезпечити: правові обов’язки і військова присутність.",
    },
  },
};

export const instrumentTypeTerms: Terms<(typeof instrumentTypeIds)[number]> = {
  expression_of_support: {
    en: {
      label: "Expressions of support",
      description: "Statements of solidarity that undertake nothing specific.",
    },
    uk: {
      label: "Вияви підтримки",
      description: "Заяви про солідарність, що не передбачають жодних конкретних зобов’язань.",
    },
  },
  political_commitment: {
    en: {
      label: "Political commitments",
      description: "Undertakings that bind politically but not in law and have no enforcement mechanism.",
    },
    uk: {
      label: "Політичні зобов’язання",
      description: "Зобов’язання, що мають політичну, але не юридичну силу і не мають механізму виконання.",
    },
  },
  assurance: {
    en: {
      label: "Assurances",
      description: "Non-binding undertakings about the beneficiary's security, without enforcement.",
    },
    uk: {
      label: "Запевнення",
      description: "Необов’язкові зобов’язання щодо безпеки бенефіціара, без механізму виконання.",
    },
  },
  pledge: {
    en: { label: "Pledges", description: "Announced, non-binding promises of specific resources." },
    uk: { label: "Обіцянки", description: "Оголошені, необов’язкові обіцянки конкретних ресурсів." },
  },
  declaration_joint_statement: {
    en: {
      label: "Declarations / joint statements",
      description: "Jointly issued texts that state intentions and frame later commitments.",
    },
    uk: {
      label: "Декларації / спільні заяви",
      description: "Спільно ухвалені тексти, що заявляють наміри й окреслюють подальші зобов’язання.",
    },
  },
  partnership_agreement: {
    en: {
      label: "Partnership agreements",
      description: "Strategic partnerships and compacts that coordinate long-term support among partners.",
    },
    uk: {
      label: "Угоди про партнерство",
      description: "Стратегічні партнерства й пакти, що узгоджують довгострокову підтримку між партнерами.",
    },
  },
  framework_agreement: {
    en: {
      label: "Framework agreements",
      description: "Structured frameworks under which specific, often multi-year, support is organised.",
    },
    uk: {
      label: "Рамкові угоди",
      description: "Структуровані рамки, у яких організовано конкретну, часто багаторічну підтримку.",
    },
  },
  security_cooperation: {
    en: {
      label: "Security cooperation",
      description: "Structured cooperation in training, intelligence and arms supply.",
    },
    uk: {
      label: "Співробітництво у сфері безпеки",
      description: "Структуроване співробітництво в навчанні, розвідці та постачанні озброєнь.",
    },
  },
  defence_cooperation_treaty: {
    en: {
      label: "Defence cooperation treaties",
      description: "Legally binding defence cooperation without full alliance obligations.",
    },
    uk: {
      label: "Договори про оборонне співробітництво",
      description: "Юридично обов’язкове оборонне співробітництво без повних союзницьких зобов’язань.",
    },
  },
  robust_peacekeeping: {
    en: {
      label: "Robust peacekeeping with enforcement capacity",
      description: "A peace operation mandated and equipped to enforce, not only to monitor.",
    },
    uk: {
      label: "Миротворча операція зі спроможністю до примусу",
      description: "Миротворча операція з мандатом і засобами для примусу, а не лише для спостереження.",
    },
  },
  binding_bilateral_treaty: {
    en: {
      label: "Legally binding bilateral treaties",
      description:
        "Ratified treaties in which a guarantor takes on obligations for the beneficiary's security.",
    },
    uk: {
      label: "Юридично обов’язкові двосторонні договори",
      description: "Ратифіковані договори, за якими гарант бере на себе обов’язки щодо безпеки бенефіціара.",
    },
  },
  mutual_defence_pact: {
    en: {
      label: "Mutual defence pacts",
      description: "Binding undertakings to come to each other's defence if attacked.",
    },
    uk: {
      label: "Пакти про взаємну оборону",
      description: "Обов’язкові зобов’язання захищати одне одного в разі нападу.",
    },
  },
  extended_deterrence: {
    en: {
      label: "Extended deterrence commitments",
      description: "A guarantor's deterrent, nuclear included, extended to cover the beneficiary.",
    },
    uk: {
      label: "Зобов’язання розширеного стримування",
      description: "Засоби стримування гаранта, зокрема ядерні, поширені на бенефіціара.",
    },
  },
  alliance_obligation: {
    en: {
      label: "Alliance obligations",
      description: "Collective defence owed between members of a standing alliance.",
    },
    uk: {
      label: "Союзницькі зобов’язання",
      description: "Колективна оборона, яку члени постійного альянсу зобов’язані надати одне одному.",
    },
  },
  troop_stationing: {
    en: {
      label: "Stationing of troops / permanent bases",
      description: "Guarantor forces stationed on the beneficiary's territory as a trip-wire.",
    },
    uk: {
      label: "Розміщення військ / постійні бази",
      description: "Війська гаранта, розміщені на території бенефіціара як «розтяжка» на випадок нападу.",
    },
  },
};
