import { classify as classifyAttributes, instrumentTypes, tiers, words } from "@commitments/core";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type { classify, getGradation } from "./gradation.routes.ts";

export const gradation: AppRouteHandler<typeof getGradation> = (c) =>
  c.json(
    {
      data: {
        tiers: tiers.map((tier) => ({
          ...tier,
          uk: words("tier", tier.id, "uk"),
          instrumentTypes: instrumentTypes
            .filter((type) => type.tier === tier.id)
            .map((type) => ({ ...type, uk: words("instrumentType", type.id, "uk") })),
        })),
      },
    },
    200,
  );

export const classification: AppRouteHandler<typeof classify> = (c) =>
  c.json({ data: classifyAttributes(c.req.valid("json")) }, 200);
