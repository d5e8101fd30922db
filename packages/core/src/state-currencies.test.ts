import { describe, expect, it } from "vitest";
import { iso3166 } from "./iso3166.ts";
import { CurrencyCode } from "./money.ts";
import { homeCurrency } from "./state-currencies.ts";

describe("homeCurrency", () => {
  it("starts a state's records in its own currency, and others in EUR", () => {
    expect(homeCurrency("GB")).toBe("GBP");
    expect(homeCurrency("NO")).toBe("NOK");
    expect(homeCurrency("DE")).toBe("EUR");
    expect(homeCurrency("BG")).toBe("EUR");
    expect(homeCurrency("UA")).toBe("EUR");
    expect(homeCurrency("EU")).toBe("EUR");
  });

  it("answers an ISO 4217 code for every ISO 3166 state", () => {
    for (const [alpha2] of iso3166)
      expect(CurrencyCode.safeParse(homeCurrency(alpha2)).success, alpha2).toBe(true);
  });
});
