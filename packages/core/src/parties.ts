import { z } from "zod";
import { iso3166 } from "./iso3166.ts";

/** A state by its ISO 3166-1 alpha-2 code, or an organisation by its short id (EU, NATO, G7, …). */
export const PartyId = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,15}$/, "expected an ISO 3166-1 alpha-2 code or an organisation id such as NATO")
  .meta({
    id: "PartyId",
    description: "ISO 3166-1 alpha-2 for a state, an upper-case short id for an organisation.",
  });
export type PartyId = z.infer<typeof PartyId>;

/**
 * "group": donors a source reports together without a split (joint financing, private donors, a donor the source
 * does not name). Recording such a figure under one member state would invent a split; under a group it stays
 * true to the source, and the members are named in the record's title and note.
 */
export const PartyKind = z.enum(["state", "organisation", "group"]).meta({ id: "PartyKind" });
export type PartyKind = z.infer<typeof PartyKind>;

export const Party = z
  .object({
    id: PartyId,
    kind: PartyKind,
    name: z.string().trim().min(1).max(200),
    nameUk: z.string().trim().min(1).max(200).optional(),
    /** ISO 3166-1 alpha-3, for states. */
    alpha3: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    /** Member states, for organisations where membership matters to a figure. */
    members: z.array(PartyId).max(300).optional(),
  })
  .strict()
  .superRefine((party, ctx) => {
    if (party.kind === "state" && !statesByAlpha2.has(party.id)) {
      ctx.addIssue({ code: "custom", path: ["id"], message: "not an ISO 3166-1 alpha-2 code" });
    }
    if (party.kind !== "state" && statesByAlpha2.has(party.id)) {
      ctx.addIssue({
        code: "custom",
        path: ["id"],
        message: "an organisation or group id must not be a country code",
      });
    }
  })
  .meta({ id: "Party", description: "A state or an organisation that promises, receives or guarantees." });
export type Party = z.infer<typeof Party>;

const statesByAlpha2 = new Map(iso3166.map((row) => [row[0], row]));
const statesByAlpha3 = new Map(iso3166.map((row) => [row[1], row]));

/** Every ISO 3166-1 state as a party. */
export function isoStates(): Party[] {
  return iso3166.map(([alpha2, alpha3, , en, uk]) => ({
    id: alpha2,
    kind: "state",
    name: en,
    nameUk: uk,
    alpha3,
  }));
}

export function stateByAlpha3(alpha3: string): Party | undefined {
  const row = statesByAlpha3.get(alpha3.toUpperCase());
  return row ? { id: row[0], kind: "state", name: row[3], nameUk: row[4], alpha3: row[1] } : undefined;
}

export function isStateCode(id: string): boolean {
  return statesByAlpha2.has(id);
}

/** The organisations the seed documents name as guarantors, frameworks or actors. */
export const organisations: readonly Party[] = [
  // Named as Kiel names its donor: the Commission and the Council, whose presidents also signed the Joint Security
  // Commitments; the member states' own aid is theirs, counted under each state.
  {
    id: "EU",
    kind: "organisation",
    name: "EU (Commission and Council)",
    nameUk: "ЄС (Комісія та Рада)",
  },
  { id: "NATO", kind: "organisation", name: "North Atlantic Treaty Organization", nameUk: "НАТО" },
  { id: "G7", kind: "organisation", name: "Group of Seven", nameUk: "Група семи" },
  {
    id: "OSCE",
    kind: "organisation",
    name: "Organization for Security and Co-operation in Europe",
    nameUk: "Організація з безпеки і співробітництва в Європі",
  },
  { id: "UN", kind: "organisation", name: "United Nations", nameUk: "Організація Об'єднаних Націй" },
  {
    id: "UDCG",
    kind: "organisation",
    name: "Ukraine Defence Contact Group",
    nameUk: "Контактна група з питань оборони України",
  },
  // Multilateral donors that publish to IATI, named by their organisation identifiers (importers' iati-organisations.ts).
  {
    id: "UNDP",
    kind: "organisation",
    name: "United Nations Development Programme",
    nameUk: "Програма розвитку Організації Об'єднаних Націй",
  },
  {
    id: "UNICEF",
    kind: "organisation",
    name: "United Nations Children's Fund",
    nameUk: "Дитячий фонд Організації Об'єднаних Націй",
  },
  {
    id: "UNHCR",
    kind: "organisation",
    name: "Office of the United Nations High Commissioner for Refugees",
    nameUk: "Управління Верховного комісара ООН у справах біженців",
  },
  { id: "WFP", kind: "organisation", name: "World Food Programme", nameUk: "Всесвітня продовольча програма" },
  {
    id: "OCHA",
    kind: "organisation",
    name: "United Nations Office for the Coordination of Humanitarian Affairs",
    nameUk: "Управління ООН з координації гуманітарних питань",
  },
  {
    id: "WHO",
    kind: "organisation",
    name: "World Health Organization",
    nameUk: "Всесвітня організація охорони здоров'я",
  },
  {
    id: "FAO",
    kind: "organisation",
    name: "Food and Agriculture Organization of the United Nations",
    nameUk: "Продовольча та сільськогосподарська організація ООН",
  },
  {
    id: "IOM",
    kind: "organisation",
    name: "International Organization for Migration",
    nameUk: "Міжнародна організація з міграції",
  },
  {
    id: "UNFPA",
    kind: "organisation",
    name: "United Nations Population Fund",
    nameUk: "Фонд ООН у галузі народонаселення",
  },
  {
    id: "UN_WOMEN",
    kind: "organisation",
    name: "United Nations Entity for Gender Equality and the Empowerment of Women (UN Women)",
    nameUk: "Структура ООН з питань гендерної рівності та розширення прав і можливостей жінок (ООН Жінки)",
  },
  {
    id: "UNOPS",
    kind: "organisation",
    name: "United Nations Office for Project Services",
    nameUk: "Управління ООН з обслуговування проєктів",
  },
  {
    id: "OHCHR",
    kind: "organisation",
    name: "Office of the United Nations High Commissioner for Human Rights",
    nameUk: "Управління Верховного комісара ООН з прав людини",
  },
  {
    id: "UNESCO",
    kind: "organisation",
    name: "United Nations Educational, Scientific and Cultural Organization",
    nameUk: "Організація Об'єднаних Націй з питань освіти, науки і культури",
  },
  {
    id: "IAEA",
    kind: "organisation",
    name: "International Atomic Energy Agency",
    nameUk: "Міжнародне агентство з атомної енергії",
  },
  {
    id: "ILO",
    kind: "organisation",
    name: "International Labour Organization",
    nameUk: "Міжнародна організація праці",
  },
  { id: "WBG", kind: "organisation", name: "World Bank Group", nameUk: "Група Світового банку" },
  {
    id: "IMF",
    kind: "organisation",
    name: "International Monetary Fund",
    nameUk: "Міжнародний валютний фонд",
  },
  {
    id: "EBRD",
    kind: "organisation",
    name: "European Bank for Reconstruction and Development",
    nameUk: "Європейський банк реконструкції та розвитку",
  },
  {
    id: "CEB",
    kind: "organisation",
    name: "Council of Europe Development Bank",
    nameUk: "Банк розвитку Ради Європи",
  },
  { id: "COE", kind: "organisation", name: "Council of Europe", nameUk: "Рада Європи" },
];

/** Donor groups for figures a source does not attribute to one state or organisation (see `PartyKind`). */
export const donorGroups: readonly Party[] = [
  {
    id: "JOINT",
    kind: "group",
    name: "Several donors jointly (no split published)",
    nameUk: "Кілька донорів спільно (без опублікованого розподілу)",
  },
  { id: "PRIVATE", kind: "group", name: "Private donors", nameUk: "Приватні донори" },
  { id: "UNKNOWN", kind: "group", name: "Donor not identified", nameUk: "Донора не встановлено" },
];

/** The beneficiary the tracker is about. */
export const UKRAINE: PartyId = "UA";
