import { describe, expect, it } from "vitest";
import { chartFileName, chartSubtitle, chartTitle, groupName } from "./titles.ts";
import type { ChartSeries } from "./types.ts";

const series: ChartSeries = {
  measure: "money",
  currency: "EUR",
  unit: null,
  interval: "quarter",
  groupBy: "donor",
  promisedStage: "committed",
  deliveredStage: "delivered",
  groups: [],
  conversion: { currency: "EUR", convention: "event_date" },
};

describe("chartTitle", () => {
  it("names the filters in each language, with the names the caller looked up", () => {
    const filters = {
      donor: "DE",
      category: "air_defence",
      groupBy: "category" as const,
      from: "2024",
      to: "2025",
    };
    expect(chartTitle(filters, "en", { donor: "Germany" })).toBe(
      "Promised and delivered: Germany, Air defence, by category, 2024–2025",
    );
    expect(chartTitle(filters, "uk", { donor: "Німеччина" })).toBe(
      "Обіцяно і поставлено: Німеччина, Протиповітряна оборона, за категоріями, 2024–2025",
    );
  });

  it("names tiers, units and open-ended periods, and stands ids in for names not given", () => {
    expect(chartTitle({ tier: "hard", unit: "rounds", from: "2024-03", agreement: "a-1" }, "en")).toBe(
      "Promised and delivered: Hard tier, a-1, rounds, from 2024-03",
    );
    expect(chartTitle({ tier: "none", to: "2025" }, "uk")).toBe("Обіцяно і поставлено: Без угоди, до 2025");
    expect(chartTitle({ groupBy: "all" }, "en")).toBe("Promised and delivered");
  });
});

describe("chartSubtitle", () => {
  it("says cumulative or per period, the currency and its conversion", () => {
    expect(chartSubtitle(series, "cumulative", "en")).toBe(
      "Cumulative totals, by quarter · EUR, converted at the rate of each figure's date",
    );
    const fixed = {
      ...series,
      conversion: { currency: "USD", convention: "fixed_date", rateDate: "2024-06-30" },
    };
    expect(chartSubtitle(fixed, "bars", "uk")).toBe("За кожен квартал · USD, за курсами на 2024-06-30");
    expect(chartSubtitle({ ...series, currency: null, conversion: null }, "bars", "en")).toBe(
      "Per quarter · original currencies, never added across currencies",
    );
  });

  it("names the unit of quantities, and the stages when they are not the usual ones", () => {
    const drones = {
      ...series,
      measure: "quantity" as const,
      currency: null,
      unit: "systems",
      conversion: null,
    };
    expect(chartSubtitle(drones, "cumulative", "uk")).toBe(
      "Наростаючим підсумком, по кварталах · кількість: системи",
    );
    expect(chartSubtitle({ ...series, promisedStage: "pledged" }, "bars", "en")).toBe(
      "Per quarter · EUR, converted at the rate of each figure's date · promised = pledged, delivered = delivered",
    );
    // The stages in the vocabulary's words: the promise counted is never called «обіцяно» itself.
    expect(
      chartSubtitle({ ...series, promisedStage: "committed", deliveredStage: "allocated" }, "bars", "uk"),
    ).toBe(
      "За кожен квартал · EUR, за курсом на дату кожної цифри · обіцяно = взято зобов’язання, поставлено = виділено",
    );
  });
});

describe("groupName", () => {
  it("translates the keys the package knows and keeps the rest", () => {
    expect(groupName({ key: "all", label: "All commitments" }, "all", "uk")).toBe("Усі зобов’язання");
    expect(groupName({ key: "none", label: "No agreement" }, "tier", "uk")).toBe("Без угоди");
    expect(groupName({ key: "drones", label: "Drones" }, "category", "uk")).toBe("Дрони");
    expect(groupName({ key: "soft", label: "Soft" }, "tier", "uk")).toBe("М’який");
    expect(groupName({ key: "DE", label: "Germany" }, "donor", "uk")).toBe("Germany");
    expect(groupName({ key: "DE", label: "Germany" }, "donor", "uk", { DE: "Німеччина" })).toBe("Німеччина");
  });

  it("adds the currency or unit of a group the series keeps apart", () => {
    expect(groupName({ key: "all", label: "x", currency: "NOK" }, "all", "en")).toBe("All commitments (NOK)");
    expect(groupName({ key: "SE", label: "Sweden", unit: "rounds" }, "donor", "uk")).toBe(
      "Sweden (постріли)",
    );
  });
});

describe("chartFileName", () => {
  it("says what the chart shows and the dataset version, in ASCII", () => {
    expect(
      chartFileName({
        kind: "cumulative",
        filters: { groupBy: "donor", category: "air_defence.systems", from: "2024", to: "2025" },
        datasetVersion: 42,
        format: "svg",
      }),
    ).toBe("commitments-tracker-chart-cumulative-by-donor-air-defence-systems-2024-2025-v42.svg");
    expect(
      chartFileName({
        kind: "bars",
        filters: { donor: "DE", agreement: "../../etc/пароль" },
        datasetVersion: 3,
        format: "png",
      }),
    ).toBe("commitments-tracker-chart-bars-de-etc-v3.png");
  });
});
