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
  { id: "EU", kind: "organisation", name: "European Union", nameUk: "Європейський Союз" },
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
