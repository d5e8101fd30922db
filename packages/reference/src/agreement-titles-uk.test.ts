import { describe, expect, it } from "vitest";
import { referenceAgreements } from "./agreements.ts";

/** Latin-letter words left in a Ukrainian title; acronyms such as G7, NSATU or EUMAM are kept on purpose. */
function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((word) => !/^[A-Z][A-Z0-9]+$/.test(word));
}

const cyrillic = /\p{Script=Cyrillic}/u;

describe("the reference agreements' Ukrainian titles", () => {
  it.each(referenceAgreements.map((a) => [a.id, a] as const))(
    "%s has a title and a short title in Ukrainian",
    (_, a) => {
      expect(a.titleUk).toMatch(cyrillic);
      expect(englishWords(a.titleUk ?? "")).toEqual([]);
      expect(a.shortTitleUk).toBeTruthy();
      expect(englishWords(a.shortTitleUk ?? "")).toEqual([]);
      // A short title in Ukrainian is Cyrillic, unless the English one is an acronym alone ("NSATU").
      if (!cyrillic.test(a.shortTitleUk ?? "")) expect(a.shortTitleUk).toBe(a.shortTitle);
    },
  );

  it("builds the early-2024 accords' titles from the parties' Ukrainian names", () => {
    const germany = referenceAgreements.find((a) => a.id === "germany-ukraine-security-cooperation-2024");
    expect(germany?.titleUk).toBe(
      "Двостороння угода про співробітництво у сфері безпеки: Німеччина — Україна (десятирічна)",
    );
    const netherlands = referenceAgreements.find(
      (a) => a.id === "netherlands-ukraine-security-cooperation-2024",
    );
    expect(netherlands?.shortTitleUk).toBe("Нідерланди — Україна 2024");
  });

  it("finds English words left in a title, and leaves acronyms alone", () => {
    expect(englishWords("Спільна декларація G7 (NSATU)")).toEqual([]);
    expect(englishWords("Угода Germany — Україна")).toEqual(["Germany"]);
  });
});
