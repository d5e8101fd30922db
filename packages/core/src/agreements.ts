import { z } from "zod";
import { CategoryId } from "./categories.ts";
import { compareDays, comparePartialDates, dateRange, PartialDate } from "./dates.ts";
import { GuaranteeAttributes, InstrumentType } from "./gradation.ts";
import { Money } from "./money.ts";
import { PartyId } from "./parties.ts";
import { Sources } from "./sources.ts";
import {
  agreementStatusIds,
  coalitionRoleIds,
  natoStanceIds,
  type provisionKindIds,
} from "./vocabulary/agreements.ts";
import { measureBasisIds } from "./vocabulary/flow.ts";

/** Stable, readable ids: "uk-ukraine-security-cooperation-2024". */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected lower-case words joined by hyphens")
  .max(120)
  .meta({ id: "Slug" });

const provisionBase = {
  /** The provision in brief, in the source's words where possible. */
  text: z.string().trim().min(1).max(4000),
  sources: Sources,
};

/** What an agreement provides, as a discriminated union on `kind`. */
export const Provision = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("consultation"),
        /** Hours within which the participants will consult, e.g. 24. */
        deadlineHours: z.number().int().positive().max(8760).optional(),
        trigger: z.string().trim().min(1).max(500),
        ...provisionBase,
      })
      .strict(),
    z
      .object({
        kind: z.literal("mutual_defence"),
        /** false records an explicit absence: the text says there is no such clause. */
        present: z.boolean(),
        ...provisionBase,
      })
      .strict(),
    z
      .object({
        kind: z.literal("assistance"),
        categories: z.array(CategoryId).max(40),
        multiYear: z.boolean(),
        forms: z.array(z.enum(["military", "economic", "financial", "humanitarian", "training"])).max(5),
        amount: Money.optional(),
        /** Whether `amount` is per year (e.g. EUR 5 bn a year) or for the whole period. */
        amountBasis: z.enum(measureBasisIds).optional(),
        ...provisionBase,
      })
      .strict(),
    z
      .object({
        kind: z.literal("nato_membership"),
        stance: z.enum(natoStanceIds),
        ...provisionBase,
      })
      .strict(),
    z
      .object({
        kind: z.literal("duration_termination"),
        durationYears: z.number().int().positive().max(100).optional(),
        ...provisionBase,
      })
      .strict(),
    z
      .object({
        kind: z.literal("defence_industrial"),
        coProduction: z.boolean(),
        localisation: z.boolean(),
        ...provisionBase,
      })
      .strict(),
    z
      .object({
        kind: z.literal("intelligence_cyber"),
        intelligence: z.boolean(),
        cyber: z.boolean(),
        ...provisionBase,
      })
      .strict(),
    z
      .object({
        kind: z.literal("reconstruction_reform"),
        reconstruction: z.boolean(),
        reform: z.boolean(),
        ...provisionBase,
      })
      .strict(),
    z
      .object({
        kind: z.literal("capability_coalition"),
        coalition: z.string().trim().min(1).max(200),
        role: z.enum(coalitionRoleIds),
        ...provisionBase,
      })
      .strict(),
    z
      .object({
        kind: z.literal("sanctions_response"),
        triggers: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
        ...provisionBase,
      })
      .strict(),
  ])
  .meta({ id: "Provision", description: "One typed provision of an agreement." });
export type Provision = z.infer<typeof Provision>;
export type ProvisionKind = Provision["kind"];
export const provisionKinds = Provision.options.map((o) => o.shape.kind.value) as ProvisionKind[];

// The vocabulary names the provision kinds; this fails to compile if the union and the vocabulary part ways.
const provisionKindsNamed: ProvisionKind extends (typeof provisionKindIds)[number]
  ? (typeof provisionKindIds)[number] extends ProvisionKind
    ? true
    : false
  : false = true;
void provisionKindsNamed;

export const AgreementStatus = z.enum(agreementStatusIds).meta({ id: "AgreementStatus" });
export type AgreementStatus = z.infer<typeof AgreementStatus>;

export const AgreementStatusChange = z
  .object({
    status: AgreementStatus,
    date: PartialDate,
    /**
     * "effective": the status began on this date. "reported": a source of this date reports the status as
     * current, and gives no start date; recording one would invent it.
     */
    dateBasis: z.enum(["effective", "reported"]).default("effective"),
    note: z.string().trim().min(1).max(2000).optional(),
    sources: Sources,
  })
  .strict()
  .meta({ id: "AgreementStatusChange", description: "A dated step in an agreement's life." });
export type AgreementStatusChange = z.infer<typeof AgreementStatusChange>;

const agreementFields = {
  id: Slug,
  title: z.string().trim().min(1).max(500),
  shortTitle: z.string().trim().min(1).max(120),
  titleUk: z.string().trim().min(1).max(500).optional().meta({
    description:
      "The title in Ukrainian; Ukrainian pages show it, and the English title where there is none.",
  }),
  shortTitleUk: z.string().trim().min(1).max(120).optional().meta({
    description:
      "The short title in Ukrainian; Ukrainian pages show it, and the English one where there is none.",
  }),
  summary: z.string().trim().min(1).max(4000).optional(),
  /** Empty when the sources name no guarantor (a draft whose parties were never settled, say). */
  guarantors: z.array(PartyId).max(300),
  beneficiaries: z.array(PartyId).min(1).max(300),
  instrumentType: InstrumentType,
  attributes: GuaranteeAttributes,
  signed: PartialDate.optional(),
  inForce: PartialDate.optional(),
  expires: PartialDate.optional(),
  durationYears: z.number().int().positive().max(100).optional(),
  /** The agreement this one sits under, e.g. the G7 Joint Declaration for the bilateral accords. */
  framework: Slug.optional(),
  statusHistory: z.array(AgreementStatusChange).min(1).max(100),
  sources: Sources,
  synthetic: z.boolean().default(false),
};

function checkAgreement(
  agreement: { id: string; framework?: string | undefined; statusHistory: AgreementStatusChange[] },
  ctx: z.RefinementCtx,
) {
  // Partial dates compare by the days they may stand for: "2024-01" may well follow "2024-01-12", so a step
  // is out of order only if it must have happened before the step listed ahead of it.
  const ranges = agreement.statusHistory.map((s) => dateRange(s.date));
  ranges.forEach((range, i) => {
    const previous = ranges[i - 1];
    if (previous && compareDays(range.end, previous.start) < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["statusHistory", i, "date"],
        message: "status history out of order",
      });
    }
  });
  if (agreement.framework === agreement.id) {
    ctx.addIssue({ code: "custom", path: ["framework"], message: "an agreement cannot sit under itself" });
  }
}

/** An agreement with its provisions: the reference dataset's shape and the API's representation. */
export const Agreement = z
  .object({ ...agreementFields, provisions: z.array(Provision).max(100) })
  .strict()
  .superRefine(checkAgreement)
  .meta({ id: "Agreement", description: "An instrument of support or guarantee, placed on Table 1." });
export type Agreement = z.infer<typeof Agreement>;
export type AgreementInput = z.input<typeof Agreement>;

/** An agreement as the ledger keeps it: its provisions are records of their own. */
export const AgreementRecord = z.object(agreementFields).strict().superRefine(checkAgreement).meta({
  id: "AgreementRecord",
  description: "An agreement without its provisions, as written to the ledger.",
});
export type AgreementRecord = z.infer<typeof AgreementRecord>;

/** A provision as a record of its own, addressable and versioned. */
export const ProvisionRecord = z
  .object({
    id: Slug,
    agreement: Slug,
    /** Its place in the agreement's list of provisions. */
    position: z.number().int().min(0).max(999),
    provision: Provision,
  })
  .strict()
  .meta({ id: "ProvisionRecord", description: "One provision of an agreement, as written to the ledger." });
export type ProvisionRecord = z.infer<typeof ProvisionRecord>;

/** The latest status of an agreement on or before a date (all of its history if no date is given). */
export function statusOn(
  history: readonly AgreementStatusChange[],
  date?: PartialDate,
): AgreementStatus | undefined {
  let current: AgreementStatus | undefined;
  for (const change of history) {
    if (date === undefined || comparePartialDates(change.date, date) <= 0) current = change.status;
  }
  return current;
}
