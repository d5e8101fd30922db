import { describe, expect, it } from "vitest";
import { agreementShortTitle, agreementTitle, byAgreementTitle } from "./agreements.ts";

// Test data of the test's own.
const both = {
  title: "Accord on test",
  shortTitle: "Test accord",
  titleUk: "Угода про тест",
  shortTitleUk: "Тест",
};
const englishOnly = { title: "Zeta accord", shortTitle: "Zeta" };

describe("an agreement's title in the page's language", () => {
  it("gives the Ukrainian title and short title on Ukrainian pages, the English ones on English pages", () => {
    expect(agreementTitle(both, "uk")).toBe("Угода про тест");
    expect(agreementShortTitle(both, "uk")).toBe("Тест");
    expect(agreementTitle(both, "en")).toBe("Accord on test");
    expect(agreementShortTitle(both, "en")).toBe("Test accord");
  });

  it("falls back to the English title where there is no Ukrainian one", () => {
    expect(agreementTitle(englishOnly, "uk")).toBe("Zeta accord");
    expect(agreementShortTitle({ ...englishOnly, shortTitleUk: null }, "uk")).toBe("Zeta");
  });

  it("sorts by the shown title, collated in the page's language", () => {
    const agreements = [
      { title: "Alpha", shortTitle: "A", titleUk: "Ящик", shortTitleUk: "Я" },
      { title: "Beta", shortTitle: "B", titleUk: "Європа", shortTitleUk: "Є" },
      { title: "Gamma", shortTitle: "C", titleUk: "Гора", shortTitleUk: "Г" },
    ];
    expect(byAgreementTitle(agreements, "en").map((a) => a.title)).toEqual(["Alpha", "Beta", "Gamma"]);
    // By code point "Є" (U+0404) would come before "Г" (U+0413); the Ukrainian alphabet puts it after.
    expect(byAgreementTitle(agreements, "uk").map((a) => a.titleUk)).toEqual(["Гора", "Європа", "Ящик"]);
    expect(byAgreementTitle(agreements, "uk", agreementShortTitle).map((a) => a.shortTitleUk)).toEqual([
      "Г",
      "Є",
      "Я",
    ]);
    expect(agreements.map((a) => a.title)).toEqual(["Alpha", "Beta", "Gamma"]);
  });
});
