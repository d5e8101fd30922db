import type { Terms } from "./terms.ts";

/**
 * Where a guarantor stands when its rung on Table 1's ladder is set beside what it delivered: the guarantor view's
 * ladder chart names the two mismatches, after Tanner's thesis that a guarantee is worth the capabilities that
 * actually arrive.
 */
export const ladderStandingIds = [
  "words_and_weapons",
  "words_without_weapons",
  "weapons_without_words",
  "neither",
] as const;

export const ladderStandingTerms: Terms<(typeof ladderStandingIds)[number]> = {
  words_and_weapons: {
    en: {
      label: "Words and weapons",
      description:
        "An instrument on the intermediate or hard rung, and military aid above the median donor's.",
    },
    uk: {
      label: "Слова і зброя",
      description:
        "Інструмент середнього чи жорсткого щабля і військова допомога, більша за медіанного донора.",
    },
  },
  words_without_weapons: {
    en: {
      label: "Words without weapons",
      description:
        "An instrument on the intermediate or hard rung, but military aid at or below the median donor's.",
    },
    uk: {
      label: "Слова без зброї",
      description:
        "Інструмент середнього чи жорсткого щабля, але військова допомога не більша за медіанного донора.",
    },
  },
  weapons_without_words: {
    en: {
      label: "Weapons without words",
      description: "Military aid above the median donor's, but no instrument above the soft rung.",
    },
    uk: {
      label: "Зброя без слів",
      description:
        "Військова допомога, більша за медіанного донора, але жодного інструмента вище м’якого щабля.",
    },
  },
  neither: {
    en: {
      label: "Neither",
      description: "No instrument above the soft rung, and military aid at or below the median donor's.",
    },
    uk: {
      label: "Ні того, ні іншого",
      description:
        "Жодного інструмента вище м’якого щабля і військова допомога не більша за медіанного донора.",
    },
  },
};

/** How two sources' counts of one donor's weapon system compare. */
export const reconciliationStatusIds = ["agree", "differ", "only_kiel", "only_sipri"] as const;

export const reconciliationStatusTerms: Terms<(typeof reconciliationStatusIds)[number]> = {
  agree: {
    en: {
      label: "Sources agree",
      description: "Kiel's heavy-weapons list and SIPRI's register give the same count.",
    },
    uk: {
      label: "Джерела збігаються",
      description: "Перелік важкого озброєння Кільського інституту і реєстр SIPRI дають однакову кількість.",
    },
  },
  differ: {
    en: { label: "Sources differ", description: "Both sources count the system, with different numbers." },
    uk: {
      label: "Джерела розходяться",
      description: "Обидва джерела враховують систему, але з різними числами.",
    },
  },
  only_kiel: {
    en: {
      label: "Only in Kiel's list",
      description: "Kiel lists the system for this donor; SIPRI's register does not.",
    },
    uk: {
      label: "Лише в переліку Кільського інституту",
      description: "Кільський інститут наводить систему для цього донора, реєстр SIPRI — ні.",
    },
  },
  only_sipri: {
    en: {
      label: "Only in SIPRI's register",
      description: "SIPRI's register counts the system for this donor; Kiel's list does not.",
    },
    uk: {
      label: "Лише в реєстрі SIPRI",
      description: "Реєстр SIPRI враховує систему для цього донора, перелік Кільського інституту — ні.",
    },
  },
};
