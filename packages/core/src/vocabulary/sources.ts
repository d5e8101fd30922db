import type { Terms } from "./terms.ts";

/** What kind of publication a source is. */
export const sourceKindIds = [
  "seed_document",
  "official",
  "dataset",
  "research",
  "media",
  "synthetic",
] as const;

export const sourceKindTerms: Terms<(typeof sourceKindIds)[number]> = {
  seed_document: {
    en: {
      label: "Seed document",
      description: "One of the documents the tracker's reference data is drawn from.",
    },
    uk: {
      label: "Базовий документ",
      description: "Один із документів, на яких побудовано довідкові дані трекера.",
    },
  },
  official: {
    en: {
      label: "Official publication",
      description: "Published by a government, a ministry or an international organisation.",
    },
    uk: {
      label: "Офіційна публікація",
      description: "Опубліковано урядом, міністерством чи міжнародною організацією.",
    },
  },
  dataset: {
    en: { label: "Dataset", description: "A published dataset, such as the Kiel Institute's or SIPRI's." },
    uk: {
      label: "Набір даних",
      description: "Опублікований набір даних, як-от Кільського інституту чи SIPRI.",
    },
  },
  research: {
    en: { label: "Research", description: "A study, report or paper by researchers." },
    uk: { label: "Дослідження", description: "Дослідження, звіт чи стаття науковців або аналітиків." },
  },
  media: {
    en: { label: "Media", description: "A news report." },
    uk: { label: "ЗМІ", description: "Повідомлення засобів масової інформації." },
  },
  synthetic: {
    en: {
      label: "Synthetic (demo data)",
      description: "Made up for demonstrations and tests: not a real figure.",
    },
    uk: {
      label: "Синтетичне (демонстраційні дані)",
      description: "Вигадано для демонстрацій і тестів: не реальна цифра.",
    },
  },
};

/**
 * Whose figures a record holds: a publisher's dataset imported as published, or the tracker's own records. The
 * description says what each reports and what it does not, so a view never reads a missing stage as zero.
 */
export const sourceDatasetIds = ["tracker", "kiel", "sipri", "iati"] as const;

export const sourceDatasetTerms: Terms<(typeof sourceDatasetIds)[number]> = {
  tracker: {
    en: {
      label: "Records kept in the commitments tracker",
      description:
        "The seed documents' lines and what partner ministries enter, each record citing its own sources: every stage from pledged to delivered, split by type of aid.",
    },
    uk: {
      label: "Записи трекера зобов’язань",
      description:
        "Рядки базових документів і те, що вносять міністерства країн-партнерів, кожен запис із власними джерелами: усі етапи від оголошення до поставки, з розподілом за видами допомоги.",
    },
  },
  kiel: {
    en: {
      label: "Kiel Institute, Ukraine Support Tracker",
      description:
        "The Kiel Institute reports commitments and allocations (aid delivered or earmarked in concrete packages), not deliveries; its commitments are not split by type.",
    },
    uk: {
      label: "Кільський інститут, Ukraine Support Tracker",
      description:
        "Кільський інститут повідомляє про взяті зобов’язання та виділену допомогу (поставлену або закладену в конкретні пакети), а не про поставки; його зобов’язання не розподілено за видами.",
    },
  },
  sipri: {
    en: {
      label: "SIPRI Arms Transfers Database",
      description:
        "SIPRI reports orders and deliveries of major conventional weapons, counted in items, not in money; it does not report pledges or allocations.",
    },
    uk: {
      label: "База даних SIPRI про передачі озброєнь",
      description:
        "SIPRI повідомляє про замовлення й поставки основних видів звичайних озброєнь у штуках, а не в грошах; оголошень і виділень він не відстежує.",
    },
  },
  iati: {
    en: {
      label: "IATI activity files",
      description:
        "Publishers' own reports of their aid activities: pledges, commitments and disbursements in money; not allocations, and not quantities of items.",
    },
    uk: {
      label: "Файли діяльності IATI",
      description:
        "Власні звіти видавців про їхню допомогу: оголошення, зобов’язання й виплати в грошах; без виділень і без кількості одиниць.",
    },
  },
};
