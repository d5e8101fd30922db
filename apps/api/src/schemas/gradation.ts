import { InstrumentType, Tier } from "@commitments/core";
import { z } from "@hono/zod-openapi";

/* The gradation's tiers and instrument types, and one agreement's classification: read by gradation and agreements. */

const Words = z.object({ label: z.string(), description: z.string() });

export const InstrumentTypeDefinition = z
  .object({
    id: InstrumentType,
    tier: Tier,
    label: z.string(),
    description: z.string(),
    uk: Words.openapi({ description: "Its name and description in Ukrainian." }),
    tableExamples: z.array(z.string()),
  })
  .openapi("InstrumentTypeDefinition");

export const TierDefinition = z
  .object({
    id: Tier,
    rank: z.number().int(),
    label: z.string(),
    heading: z.string(),
    description: z.string(),
    uk: Words.extend({ heading: z.string() }).openapi({
      description: "Its name, heading and description in Ukrainian.",
    }),
    instrumentTypes: z.array(InstrumentTypeDefinition),
  })
  .openapi("TierDefinition");

export const Classification = z
  .object({ tier: Tier, instrumentType: InstrumentType, reasons: z.array(z.string()).min(1) })
  .openapi("Classification");
