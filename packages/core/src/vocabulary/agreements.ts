import type { Terms } from "./terms.ts";

/** The steps of an agreement's life. The Ukrainian agrees with «угода» (feminine), as a status stands beside one. */
export const agreementStatusIds = [
  "proposed",
  "draft",
  "signed",
  "in_force",
  "reshaped",
  "conditional",
  "suspended",
  "expired",
  "superseded",
] as const;

export const agreementStatusTerms: Terms<(typeof agreementStatusIds)[number]> = {
  proposed: {
    en: { label: "Proposed", description: "Put forward, not yet negotiated into a text." },
    uk: { label: "Запропонована", description: "Висунута пропозиція, текст ще не узгоджено." },
  },
  draft: {
    en: { label: "Draft", description: "A text under negotiation, not signed." },
    uk: { label: "Проєкт", description: "Текст, що його ще узгоджують; не підписаний." },
  },
  signed: {
    en: { label: "Signed", description: "Signed by its parties." },
    uk: { label: "Підписана", description: "Підписана сторонами." },
  },
  in_force: {
    en: { label: "In force", description: "In effect: its parties are bound by it." },
    uk: { label: "Чинна", description: "Набрала чинності: сторони зобов’язані її виконувати." },
  },
  reshaped: {
    en: { label: "Reshaped", description: "Not annulled, but changed in substance by later arrangements." },
    uk: { label: "Переглянута", description: "Не скасована, але по суті змінена пізнішими домовленостями." },
  },
  conditional: {
    en: { label: "Conditional", description: "Support under it now depends on conditions it did not set." },
    uk: {
      label: "Умовна",
      description: "Підтримка за нею тепер залежить від умов, яких вона не передбачала.",
    },
  },
  suspended: {
    en: { label: "Suspended", description: "Its application is paused." },
    uk: { label: "Призупинена", description: "Її дію призупинено." },
  },
  expired: {
    en: { label: "Expired", description: "Its term has run out." },
    uk: { label: "Строк дії сплив", description: "Строк її дії закінчився." },
  },
  superseded: {
    en: { label: "Superseded", description: "Replaced by another agreement." },
    uk: { label: "Замінена", description: "Її замінила інша угода." },
  },
};

/** The kinds of provision an agreement may hold, as the Provision schema (../agreements.ts) discriminates them. */
export const provisionKindIds = [
  "consultation",
  "mutual_defence",
  "assistance",
  "nato_membership",
  "duration_termination",
  "defence_industrial",
  "intelligence_cyber",
  "reconstruction_reform",
  "capability_coalition",
  "sanctions_response",
] as const;

export const provisionKindTerms: Terms<(typeof provisionKindIds)[number]> = {
  consultation: {
    en: {
      label: "Consultation",
      description: "The parties consult, often within a set time, if Ukraine is attacked.",
    },
    uk: {
      label: "Консультації",
      description: "Сторони проводять консультації, часто у визначений строк, якщо на Україну нападуть.",
    },
  },
  mutual_defence: {
    en: { label: "Mutual defence", description: "Whether the parties undertake to defend each other." },
    uk: { label: "Взаємна оборона", description: "Чи зобов’язуються сторони захищати одна одну." },
  },
  assistance: {
    en: {
      label: "Assistance",
      description: "Military, economic, financial or humanitarian support promised.",
    },
    uk: {
      label: "Допомога",
      description: "Обіцяна військова, економічна, фінансова чи гуманітарна підтримка.",
    },
  },
  nato_membership: {
    en: { label: "NATO membership path", description: "What the agreement says of Ukraine joining NATO." },
    uk: { label: "Шлях до членства в НАТО", description: "Що угода каже про вступ України до НАТО." },
  },
  duration_termination: {
    en: { label: "Duration and termination", description: "How long the agreement runs and how it ends." },
    uk: { label: "Строк дії та припинення", description: "Скільки діє угода і як вона припиняється." },
  },
  defence_industrial: {
    en: { label: "Defence industry", description: "Cooperation of the parties' defence industries." },
    uk: { label: "Оборонна промисловість", description: "Співпраця оборонних промисловостей сторін." },
  },
  intelligence_cyber: {
    en: {
      label: "Intelligence and cyber",
      description: "Sharing intelligence and cooperating on cyber defence.",
    },
    uk: { label: "Розвідка і кібербезпека", description: "Обмін розвідданими та співпраця в кіберзахисті." },
  },
  reconstruction_reform: {
    en: {
      label: "Reconstruction and reform",
      description: "Support for rebuilding Ukraine and for its reforms.",
    },
    uk: { label: "Відбудова і реформи", description: "Підтримка відбудови України та її реформ." },
  },
  capability_coalition: {
    en: {
      label: "Capability coalitions",
      description: "The parties' places in coalitions that build one capability.",
    },
    uk: {
      label: "Коаліції спроможностей",
      description: "Місце сторін у коаліціях, що розбудовують певну спроможність.",
    },
  },
  sanctions_response: {
    en: {
      label: "Sanctions and responses",
      description: "Sanctions and other steps the parties will take against aggression.",
    },
    uk: {
      label: "Санкції та відповіді",
      description: "Санкції та інші кроки, яких сторони вживуть у відповідь на агресію.",
    },
  },
};

/** What an agreement says of Ukraine's path to NATO. */
export const natoStanceIds = [
  "path_supported",
  "bridge_to_membership",
  "review_on_accession",
  "not_supported",
] as const;

export const natoStanceTerms: Terms<(typeof natoStanceIds)[number]> = {
  path_supported: {
    en: {
      label: "Supports Ukraine's path to NATO membership",
      description: "The agreement supports Ukraine's path to NATO.",
    },
    uk: {
      label: "Підтримує шлях України до членства в НАТО",
      description: "Угода підтримує шлях України до НАТО.",
    },
  },
  bridge_to_membership: {
    en: {
      label: "Presented as a bridge to NATO membership",
      description: "The agreement is presented as leading to NATO membership.",
    },
    uk: {
      label: "Подається як міст до членства в НАТО",
      description: "Угоду подають як таку, що веде до членства в НАТО.",
    },
  },
  review_on_accession: {
    en: {
      label: "Its future to be decided if Ukraine joins NATO",
      description: "The parties will review the agreement if Ukraine joins NATO.",
    },
    uk: {
      label: "Її майбутнє вирішать, якщо Україна вступить до НАТО",
      description: "Сторони переглянуть угоду, якщо Україна вступить до НАТО.",
    },
  },
  not_supported: {
    en: { label: "No NATO membership path", description: "The agreement offers no path to NATO membership." },
    uk: {
      label: "Без шляху до членства в НАТО",
      description: "Угода не передбачає шляху до членства в НАТО.",
    },
  },
};

/** A party's place in a capability coalition. */
export const coalitionRoleIds = ["lead", "co_lead", "member"] as const;

export const coalitionRoleTerms: Terms<(typeof coalitionRoleIds)[number]> = {
  lead: {
    en: { label: "Lead", description: "Leads the coalition." },
    uk: { label: "Лідер", description: "Очолює коаліцію." },
  },
  co_lead: {
    en: { label: "Co-lead", description: "Leads the coalition together with another party." },
    uk: { label: "Співлідер", description: "Очолює коаліцію разом з іншою стороною." },
  },
  member: {
    en: { label: "Member", description: "Takes part in the coalition." },
    uk: { label: "Учасник", description: "Бере участь у коаліції." },
  },
};

/**
 * The areas an instrument's cooperation covers; the classifier (../gradation.ts) weighs the security ones.
 * Where an area is also a category of aid, it has the category's words.
 */
export const cooperationAreaIds = [
  "training",
  "intelligence",
  "arms_supply",
  "military_financing",
  "defence",
  "cyber",
  "hybrid_threats",
  "defence_industry",
  "financing",
  "resilience",
  "reform",
] as const;

export const cooperationAreaTerms: Terms<(typeof cooperationAreaIds)[number]> = {
  training: {
    en: { label: "Training", description: "Training of Ukraine's service members." },
    uk: { label: "Навчання", description: "Підготовка українських військовослужбовців." },
  },
  intelligence: {
    en: { label: "Intelligence", description: "Sharing intelligence." },
    uk: { label: "Розвідка", description: "Обмін розвідданими." },
  },
  arms_supply: {
    en: { label: "Arms supply", description: "Supplying weapons and ammunition." },
    uk: { label: "Постачання озброєнь", description: "Постачання озброєння й боєприпасів." },
  },
  military_financing: {
    en: { label: "Military financing", description: "Paying for military aid." },
    uk: { label: "Військове фінансування", description: "Оплата військової допомоги." },
  },
  defence: {
    en: { label: "Defence", description: "Defence cooperation at large." },
    uk: { label: "Оборона", description: "Оборонне співробітництво загалом." },
  },
  cyber: {
    en: { label: "Cyber", description: "Cyber defence." },
    uk: { label: "Кібербезпека", description: "Кіберзахист." },
  },
  hybrid_threats: {
    en: {
      label: "Hybrid threats",
      description: "Countering hybrid threats: disinformation, sabotage, coercion.",
    },
    uk: {
      label: "Гібридні загрози",
      description: "Протидія гібридним загрозам: дезінформації, диверсіям, тиску.",
    },
  },
  defence_industry: {
    en: { label: "Defence industry", description: "Cooperation of the defence industries." },
    uk: { label: "Оборонна промисловість", description: "Співпраця оборонних промисловостей." },
  },
  financing: {
    en: { label: "Financing", description: "Financial support in general." },
    uk: { label: "Фінансування", description: "Фінансова підтримка загалом." },
  },
  resilience: {
    en: { label: "Resilience", description: "Strengthening the state's and society's resilience." },
    uk: { label: "Стійкість", description: "Зміцнення стійкості держави й суспільства." },
  },
  reform: {
    en: { label: "Reform", description: "Support for reforms." },
    uk: { label: "Реформи", description: "Підтримка реформ." },
  },
};
