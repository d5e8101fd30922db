import { z } from "zod";
import { type measureKindIds, measureKindTerms, quantityUnitIds } from "./vocabulary/flow.ts";

/**
 * An exact decimal as a string ("1500000000", "0.06274"). Money never passes through a binary float: sums and
 * conversions are done on these strings with exact decimal arithmetic (see decimal.ts).
 */
export const DecimalString = z
  .string()
  // A value that is not a number at all is not also said to be negative (NonNegativeDecimal).
  .regex(/^-?(0|[1-9]\d{0,19})(\.\d{1,10})?$/, {
    error: "expected a decimal number such as 1250000.50",
    abort: true,
  })
  .meta({
    id: "Decimal",
    description: "An exact decimal number as a string, at most 20 integer and 10 fraction digits.",
  });
export type DecimalString = z.infer<typeof DecimalString>;

export const NonNegativeDecimal = DecimalString.refine((v) => !v.startsWith("-"), "must not be negative");

const knownCurrencies = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 currency code, including special codes such as XDR. */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: "expected an ISO 4217 code such as EUR", abort: true })
  .refine((code) => knownCurrencies.has(code), "not an ISO 4217 currency code")
  .meta({ id: "CurrencyCode", description: "ISO 4217 currency code." });
export type CurrencyCode = z.infer<typeof CurrencyCode>;

export const Money = z
  .object({ amount: NonNegativeDecimal, currency: CurrencyCode })
  .strict()
  .meta({ id: "Money", description: measureKindTerms.money.en.description });
export type Money = z.infer<typeof Money>;

/**
 * The money of a stage event, which unlike `Money` may be negative: publishers report the reversal of a
 * disbursement or a reduced or cancelled commitment as a negative figure (IATI: "negative for repayments or
 * reduced/cancelled commitments"), and the tracker records it as reported, so that its sums equal the
 * publisher's. A promise (a commitment) and a planned instalment (a tranche) are never corrections: they stay
 * non-negative.
 */
export const SignedMoney = z.object({ amount: DecimalString, currency: CurrencyCode }).strict().meta({
  id: "SignedMoney",
  description:
    "An exact amount in one currency, negative for a reversal or a decommitment as the publisher reports it.",
});
export type SignedMoney = z.infer<typeof SignedMoney>;

/** What a quantity counts. One series never mixes units; the units and their words are in vocabulary/flow.ts. */
export const QuantityUnit = z.enum(quantityUnitIds).meta({ id: "QuantityUnit" });
export type QuantityUnit = z.infer<typeof QuantityUnit>;

export const Quantity = z
  .object({
    count: NonNegativeDecimal,
    unit: QuantityUnit,
    /** The item designation as the source gives it, e.g. "MIM-104 PAC-3 MSE" or "155mm shells". */
    item: z.string().trim().min(1).max(200),
  })
  .strict()
  .meta({ id: "Quantity", description: measureKindTerms.quantity.en.description });
export type Quantity = z.infer<typeof Quantity>;

/** A commitment or event is measured either in money or in a quantity of a designated item. */
export const Measure = z
  .discriminatedUnion("kind", [
    Money.extend({ kind: z.literal("money") }).strict(),
    Quantity.extend({ kind: z.literal("quantity") }).strict(),
  ])
  .meta({
    id: "Measure",
    description: "Money (exact decimal and currency) or a quantity (count, unit, item).",
  });
export type Measure = z.infer<typeof Measure>;

/** A stage event's measure: money may be negative (see `SignedMoney`), a quantity may not. */
export const EventMeasure = z
  .discriminatedUnion("kind", [
    SignedMoney.extend({ kind: z.literal("money") }).strict(),
    Quantity.extend({ kind: z.literal("quantity") }).strict(),
  ])
  .meta({
    id: "EventMeasure",
    description:
      "A stage event's figure: money (exact decimal and currency, negative for a reversal or a decommitment) or a quantity (count, unit, item).",
  });
export type EventMeasure = z.infer<typeof EventMeasure>;

// The vocabulary names the measure kinds; this fails to compile if the union and the vocabulary part ways.
const measureKindsNamed: Measure["kind"] extends (typeof measureKindIds)[number]
  ? (typeof measureKindIds)[number] extends Measure["kind"]
    ? true
    : false
  : false = true;
void measureKindsNamed;
