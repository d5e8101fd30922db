import { CurrencyCode, ExchangeRate, IsoDate } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json } from "../../lib/openapi.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta, VersionMeta } from "../../lib/representation.ts";
import { ratesWriteSecurity, requireRatesLoader } from "./rates.auth.ts";

export const RateView = z
  .object({ date: IsoDate, currency: CurrencyCode, perEur: z.string(), ...VersionMeta })
  .openapi("RateView", {
    description: "A reference rate as the tracker holds it: 1 EUR = perEur units of currency.",
  });

export const listRates = createRoute({
  method: "get",
  path: "/v1/rates",
  tags: ["Exchange rates"],
  summary: "The exchange-rate table the series convert with",
  request: {
    query: z
      .object({
        currency: CurrencyCode.optional(),
        from: IsoDate.optional().openapi({ description: "Rates on or after this day." }),
        to: IsoDate.optional().openapi({ description: "Rates on or before this day." }),
        ...AsOfQuery,
        ...PageQuery,
      })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ data: z.array(RateView), page: PageInfo, meta: ReadMeta }),
      "The rates, by currency then day.",
    ),
    ...errorResponses,
  },
});

const RatesLoaded = z
  .object({
    changeSet: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The change set recording the load; null when nothing was new." }),
    created: z.number().int(),
    replaced: z
      .number()
      .int()
      .openapi({ description: "Rates recorded before with another value: a new version." }),
    unchanged: z.number().int(),
    skippedCurrencies: z
      .array(z.string())
      .optional()
      .openapi({ description: "CSV columns that are not current ISO 4217 codes, left out." }),
  })
  .openapi("RatesLoaded");

const refusals = {
  401: json(ErrorBody, "Not signed in, or the API token is unknown, expired or revoked."),
  403: json(ErrorBody, "Only the tracker's administrators load rates."),
  415: json(ErrorBody, "The body is not of the expected type."),
};

export const loadRates = createRoute({
  method: "post",
  path: "/v1/rates",
  tags: ["Exchange rates"],
  summary: "Load reference rates, in one change set",
  description:
    "A rate already held with the same value is left alone; a different value for the same currency and day is recorded as a new version. The series are brought up to date in the same transaction.",
  security: ratesWriteSecurity,
  middleware: [requireRatesLoader] as const,
  request: {
    body: { ...json(z.array(ExchangeRate).min(1).max(20_000), "The rates, ECB convention."), required: true },
  },
  responses: {
    200: json(z.object({ data: RatesLoaded, meta: ReadMeta }), "What was recorded."),
    ...refusals,
    ...errorResponses,
  },
});

export const loadRatesCsv = createRoute({
  method: "post",
  path: "/v1/rates/csv",
  tags: ["Exchange rates"],
  summary: "Load a reference-rates CSV file (the ECB layout), in one change set",
  description:
    "The ECB layout: a header `Date,USD,JPY,...` with one column per currency, one line per day, units per EUR, N/A for gaps. The whole file is refused, naming the line, if any cell is wrong. Bodies are limited to 1 MB: load the full ECB history through the database package's loadRatesCsv.",
  security: ratesWriteSecurity,
  middleware: [requireRatesLoader] as const,
  request: {
    body: {
      content: {
        "text/csv": { schema: z.string().openapi({ example: "Date,USD,GBP\n2024-03-01,1.0830,0.8551\n" }) },
      },
      description: "The CSV file.",
      required: true,
    },
  },
  responses: {
    200: json(z.object({ data: RatesLoaded, meta: ReadMeta }), "What was recorded."),
    ...refusals,
    ...errorResponses,
  },
});
