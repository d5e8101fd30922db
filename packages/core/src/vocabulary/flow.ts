import type { Terms, Words } from "./terms.ts";

/**
 * The stages a promise passes through, as the serious trackers separate them (Kiel Institute, OCHA FTS, IATI):
 * announced, made binding, earmarked in a concrete package, and handed over (delivered, or disbursed for money).
 */
export const stageIds = ["pledged", "committed", "allocated", "delivered"] as const;

/** A stage has a word for money besides its label: money is disbursed rather than delivered. */
export interface StageWords extends Words {
  moneyLabel: string;
}

// "Promised" (обіцяно) is the tracker's word for whichever stage a view counts as the promise, so no stage is
// called that: the pledge is "Оголошено" (announced), as its description says.
export const stageTerms: Terms<(typeof stageIds)[number], StageWords> = {
  pledged: {
    en: { label: "Pledged", moneyLabel: "Pledged", description: "Announced, not binding." },
    uk: {
      label: "Оголошено",
      moneyLabel: "Оголошено",
      description: "Публічно оголошено, без юридичної сили.",
    },
  },
  committed: {
    en: { label: "Committed", moneyLabel: "Committed", description: "Made binding." },
    uk: {
      label: "Взято зобов’язання",
      moneyLabel: "Взято зобов’язання",
      description: "Набуло обов’язкової сили.",
    },
  },
  allocated: {
    en: { label: "Allocated", moneyLabel: "Allocated", description: "Earmarked in a concrete package." },
    uk: { label: "Виділено", moneyLabel: "Виділено", description: "Закладено в конкретний пакет допомоги." },
  },
  delivered: {
    en: { label: "Delivered", moneyLabel: "Disbursed", description: "Handed over, or paid out for money." },
    uk: { label: "Поставлено", moneyLabel: "Виплачено", description: "Передано, а для коштів — виплачено." },
  },
};

/**
 * How sure the tracker is of a figure, in the vocabulary of the serious trackers: who says so, and whether
 * anyone else has checked.
 */
export const confidenceIds = [
  "reported_by_donor",
  "confirmed_by_recipient",
  "independently_verified",
  "estimated",
  "disputed",
  "undisclosed",
] as const;

export const confidenceTerms: Terms<(typeof confidenceIds)[number]> = {
  reported_by_donor: {
    en: { label: "Reported by donor", description: "The donor's own report, not checked by anyone else." },
    uk: {
      label: "Повідомлено донором",
      description: "Власне повідомлення донора, ніким більше не перевірене.",
    },
  },
  confirmed_by_recipient: {
    en: { label: "Confirmed by recipient", description: "The recipient confirms it was received." },
    uk: { label: "Підтверджено отримувачем", description: "Отримувач підтверджує, що отримав." },
  },
  independently_verified: {
    en: {
      label: "Independently verified",
      description: "The tracker's maintainers checked it against an independent source.",
    },
    uk: {
      label: "Незалежно перевірено",
      description: "Команда трекера звірила з незалежним джерелом.",
    },
  },
  estimated: {
    en: { label: "Estimated", description: "An estimate, not a figure anyone reported." },
    uk: { label: "Оцінка", description: "Оцінка, а не цифра, яку хтось повідомив." },
  },
  disputed: {
    en: {
      label: "Disputed",
      description: "Another organisation disputes it; its own figure is shown beside.",
    },
    uk: {
      label: "Оскаржено",
      description: "Інша організація оскаржує цю цифру; її власну цифру показано поруч.",
    },
  },
  undisclosed: {
    en: { label: "Undisclosed", description: "Not made public: the record holds what is known of it." },
    uk: { label: "Не розголошено", description: "Не оприлюднено: запис містить те, що про це відомо." },
  },
};

/** A commitment or event is measured either in money or in a quantity of a designated item. */
export const measureKindIds = ["money", "quantity"] as const;

export const measureKindTerms: Terms<(typeof measureKindIds)[number]> = {
  money: {
    en: { label: "Money", description: "An exact amount in one currency." },
    uk: { label: "Кошти", description: "Точна сума в одній валюті." },
  },
  quantity: {
    en: { label: "Quantity of an item", description: "A count of a designated item in one unit." },
    uk: {
      label: "Кількість одиниць",
      description: "Кількість визначеного найменування в одній одиниці виміру.",
    },
  },
};

/** Whether a promised amount is for the whole period or per year (e.g. "EUR 5 bn a year"). */
export const measureBasisIds = ["total", "per_year"] as const;

export const measureBasisTerms: Terms<(typeof measureBasisIds)[number]> = {
  total: {
    en: { label: "For the whole period", description: "The amount is for the whole period." },
    uk: { label: "За весь період", description: "Сума — за весь період." },
  },
  per_year: {
    en: { label: "Per year", description: "The amount is for each year of the period." },
    uk: { label: "На рік", description: "Сума — за кожен рік періоду." },
  },
};

/**
 * What a quantity counts. One series never mixes units. The labels are plural nouns in lower case, as they stand
 * after a count or in brackets: "24 PAC-3 MSE (missiles)".
 */
export const quantityUnitIds = [
  "items",
  "rounds",
  "missiles",
  "systems",
  "batteries",
  "launchers",
  "vehicles",
  "aircraft",
  "vessels",
  "personnel_trained",
  "tonnes",
] as const;

export const quantityUnitTerms: Terms<(typeof quantityUnitIds)[number]> = {
  items: {
    en: { label: "items", description: "Single items of whatever the source counts." },
    uk: { label: "одиниці", description: "Окремі одиниці того, що рахує джерело." },
  },
  rounds: {
    en: {
      label: "rounds",
      description: "Rounds of ammunition: shells, mortar bombs, rockets or cartridges.",
    },
    uk: {
      label: "постріли",
      description: "Постріли: артилерійські снаряди, міни, реактивні снаряди чи набої.",
    },
  },
  missiles: {
    en: { label: "missiles", description: "Guided missiles, interceptors included." },
    uk: { label: "ракети", description: "Керовані ракети, зокрема ракети-перехоплювачі." },
  },
  systems: {
    en: { label: "systems", description: "Complete weapon systems, as the source counts them." },
    uk: { label: "системи", description: "Комплекти систем озброєння, як їх рахує джерело." },
  },
  batteries: {
    en: { label: "batteries", description: "Air defence or artillery batteries." },
    uk: { label: "батареї", description: "Батареї протиповітряної оборони чи артилерії." },
  },
  launchers: {
    en: { label: "launchers", description: "Launchers of missiles or rockets." },
    uk: { label: "пускові установки", description: "Пускові установки ракет чи реактивних снарядів." },
  },
  vehicles: {
    en: { label: "vehicles", description: "Vehicles, armoured or not." },
    uk: { label: "машини", description: "Машини, броньовані чи ні." },
  },
  aircraft: {
    en: { label: "aircraft", description: "Aeroplanes and helicopters." },
    uk: { label: "повітряні судна", description: "Літаки й гелікоптери." },
  },
  vessels: {
    en: { label: "vessels", description: "Ships and boats." },
    uk: { label: "судна", description: "Кораблі, судна й катери." },
  },
  personnel_trained: {
    en: { label: "personnel trained", description: "Service members trained." },
    uk: {
      label: "підготовлений особовий склад",
      description: "Кількість підготовлених військовослужбовців.",
    },
  },
  tonnes: {
    en: { label: "tonnes", description: "Metric tonnes of supplies." },
    uk: { label: "тонни", description: "Метричні тонни вантажу." },
  },
};
