/**
 * The currency a state keeps its budget in (ISO 4217), for the states that pledge to Ukraine and whose currency
 * the ECB's reference rates convert: what a ministry's new record starts in. A state not listed starts in EUR,
 * the tracker's reporting currency; the clerk chooses another. The euro area as of 1 January 2026 (Bulgaria
 * joined then), and the states using the euro by agreement with the EU.
 */
const euro = [
  "AT",
  "BE",
  "BG",
  "CY",
  "DE",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PT",
  "SI",
  "SK",
  "AD",
  "MC",
  "SM",
  "VA",
  "ME",
  "XK",
];

const others: Record<string, string> = {
  AU: "AUD",
  BR: "BRL",
  CA: "CAD",
  CH: "CHF",
  CN: "CNY",
  CZ: "CZK",
  DK: "DKK",
  GB: "GBP",
  HK: "HKD",
  HU: "HUF",
  ID: "IDR",
  IL: "ILS",
  IN: "INR",
  IS: "ISK",
  JP: "JPY",
  KR: "KRW",
  LI: "CHF",
  MX: "MXN",
  MY: "MYR",
  NO: "NOK",
  NZ: "NZD",
  PH: "PHP",
  PL: "PLN",
  RO: "RON",
  SE: "SEK",
  SG: "SGD",
  TH: "THB",
  TR: "TRY",
  US: "USD",
  ZA: "ZAR",
};

const byState = new Map<string, string>([...euro.map((s) => [s, "EUR"] as const), ...Object.entries(others)]);

/** The currency `party`'s records start in: its own where listed above, otherwise EUR. */
export function homeCurrency(party: string): string {
  return byState.get(party) ?? "EUR";
}
