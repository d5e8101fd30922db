import type { ProvisionKind } from "@commitments/core";
import { type Lang, localised } from "../i18n/index.ts";
import { inSentence, label, labelsOf } from "../i18n/vocabulary.ts";

/** A kind of provision, in the vocabulary's words: the headline when a provision says nothing more specific. */
const kind = (id: ProvisionKind, lang: Lang) => label("provisionKind", id, lang);

const enHours = (h: number) => `Consultation within ${h} hours`;
const ukHours = (h: number) => `Консультації протягом ${h} год`;

export const messages = localised(
  {
    ladderTitle: "The ladder of security guarantees",
    ladderLede:
      "From political words at the bottom to legal and military obligations at the top: every instrument the tracker records, placed on the gradation of Table 1 in Tanner, Friends and weapons (FES, 2025). Select one to see its provisions, its history and why it sits where it does.",
    compareLink: "Compare agreements provision by provision",
    instruments: (label: string, n: number) => `${label}: ${n} instruments`,
    loadFailed: (message: string) => `Could not load the ladder: ${message}`,
    loading: "Loading the ladder…",
    selectHint: "Select an instrument on the ladder to see its provisions and sources.",
    close: "Close the details",
    synthetic: "Synthetic",
    guarantors: "Guarantors",
    noGuarantors: "Not named in the sources",
    beneficiaries: "Beneficiaries",
    signed: "Signed",
    duration: "Duration",
    years: (n: number) => `${n} years`,
    why: "Why it sits on this rung",
    provisions: "Provisions",
    commitmentsUnder: "Commitments under it",
    history: "History",
    reported: (date: string) => `Reported ${date}`,
    sources: "Sources",
    compareTitle: "Agreements compared, provision by provision",
    compareLede:
      "What each agreement provides, side by side: consultation deadline, mutual-defence clause, duration, NATO path, assistance. An empty cell means the tracker records no such provision for that agreement, not that it was checked and found absent; an explicit absence says so.",
    choose: "Agreements to compare",
    provision: "Provision",
    tier: "Tier and instrument",
    notRecorded: "Not recorded",
    kinds: labelsOf("provisionKind", "en"),
    headline: {
      consultation: (hours: number | undefined): string =>
        hours ? enHours(hours) : kind("consultation", "en"),
      mutualDefence: (present: boolean): string =>
        present ? "Mutual-defence clause" : "No mutual-defence clause",
      assistance: (multiYear: boolean, amount: string) =>
        `${multiYear ? "Multi-year assistance" : kind("assistance", "en")}${amount}`,
      perYear: " a year",
      nato: labelsOf("natoStance", "en"),
      duration: (years: number | undefined): string =>
        years ? `Duration: ${years} years` : kind("duration_termination", "en"),
      defenceIndustrial: "Defence-industrial cooperation",
      coProduction: "co-production",
      localisation: "localisation",
      intelligence: label("cooperationArea", "intelligence", "en"),
      cyber: inSentence(label("cooperationArea", "cyber", "en")),
      and: " and ",
      intelligenceCyber: kind("intelligence_cyber", "en"),
      reconstruction: label("category", "reconstruction", "en"),
      reform: inSentence(label("cooperationArea", "reform", "en")),
      reconstructionReform: kind("reconstruction_reform", "en"),
      roles: labelsOf("coalitionRole", "en"),
      coalition: (role: string, coalition: string) => `${role} of the ${coalition}`,
      sanctions: "Sanctions and stepped responses",
    },
  },
  {
    ladderTitle: "Драбина гарантій безпеки",
    ladderLede:
      "Від політичних слів унизу до правових і військових зобов’язань угорі: кожен інструмент, який записує трекер, розміщено за градацією таблиці 1 у праці Tanner, Friends and weapons (FES, 2025). Оберіть інструмент, щоб побачити його положення, історію і чому він стоїть саме тут.",
    compareLink: "Порівняти угоди за положеннями",
    instruments: (label: string, n: number) => `${label}: інструментів — ${n}`,
    loadFailed: (message: string) => `Не вдалося завантажити драбину: ${message}`,
    loading: "Завантаження драбини…",
    selectHint: "Оберіть інструмент на драбині, щоб побачити його положення і джерела.",
    close: "Закрити подробиці",
    synthetic: "Синтетичні",
    guarantors: "Гаранти",
    noGuarantors: "У джерелах не названо",
    beneficiaries: "Бенефіціари",
    signed: "Підписано",
    duration: "Строк дії",
    years: (n: number) => `${n} р.`,
    why: "Чому він на цьому щаблі",
    provisions: "Положення",
    commitmentsUnder: "Зобов’язання в її межах",
    history: "Історія",
    reported: (date: string) => `Повідомлено ${date}`,
    sources: "Джерела",
    compareTitle: "Угоди поруч, положення за положенням",
    compareLede:
      "Що передбачає кожна угода, поруч: строк консультацій, положення про взаємну оборону, строк дії, шлях до НАТО, допомога. Порожня клітинка означає, що трекер не записав такого положення для цієї угоди, а не що його перевірено й не знайдено; явна відсутність так і позначена.",
    choose: "Угоди для порівняння",
    provision: "Положення",
    tier: "Рівень та інструмент",
    notRecorded: "Не записано",
    kinds: labelsOf("provisionKind", "uk"),
    headline: {
      consultation: (hours: number | undefined): string =>
        hours ? ukHours(hours) : kind("consultation", "uk"),
      mutualDefence: (present: boolean): string =>
        present ? "Положення про взаємну оборону" : "Без положення про взаємну оборону",
      assistance: (multiYear: boolean, amount: string) =>
        `${multiYear ? "Багаторічна допомога" : kind("assistance", "uk")}${amount}`,
      perYear: ` ${inSentence(label("measureBasis", "per_year", "uk"))}`,
      nato: labelsOf("natoStance", "uk"),
      duration: (years: number | undefined): string =>
        years ? `Строк дії: ${years} р.` : kind("duration_termination", "uk"),
      defenceIndustrial: "Оборонно-промислова співпраця",
      coProduction: "спільне виробництво",
      localisation: "локалізація",
      intelligence: label("cooperationArea", "intelligence", "uk"),
      cyber: inSentence(label("cooperationArea", "cyber", "uk")),
      and: " і ",
      intelligenceCyber: kind("intelligence_cyber", "uk"),
      reconstruction: label("category", "reconstruction", "uk"),
      reform: inSentence(label("cooperationArea", "reform", "uk")),
      reconstructionReform: kind("reconstruction_reform", "uk"),
      roles: labelsOf("coalitionRole", "uk"),
      coalition: (role: string, coalition: string) => `${role}: ${coalition}`,
      sanctions: "Санкції та поетапні відповіді",
    },
  },
);
