import { describe, expect, it } from "vitest";
import { ladderStanding, medianAmount, rungOf } from "./guarantors.ts";

describe("a guarantor's rung and standing", () => {
  it("takes the highest tier among instruments that stand, ignoring proposals", () => {
    const rung = rungOf([
      { agreement: "budapest", instrumentType: "assurance", status: "in_force" },
      { agreement: "accord", instrumentType: "security_cooperation", status: "signed" },
      { agreement: "force", instrumentType: "troop_stationing", status: "proposed" },
    ]);
    expect(rung).toEqual({
      tier: "intermediate",
      rank: 2,
      instrumentType: "security_cooperation",
      agreement: "accord",
    });
    expect(
      rungOf([{ agreement: "force", instrumentType: "troop_stationing", status: "proposed" }]),
    ).toBeNull();
  });

  it("names words without weapons and weapons without words against the median volume", () => {
    const words = rungOf([{ agreement: "a", instrumentType: "security_cooperation", status: "in_force" }]);
    const soft = rungOf([{ agreement: "b", instrumentType: "pledge", status: "in_force" }]);
    const median = medianAmount(["1", "5", "10", "20"]);
    expect(median).toBe("7.5");
    expect(ladderStanding(words, "20", median)).toBe("words_and_weapons");
    expect(ladderStanding(words, "5", median)).toBe("words_without_weapons");
    expect(ladderStanding(words, null, median)).toBe("words_without_weapons");
    expect(ladderStanding(soft, "10", median)).toBe("weapons_without_words");
    expect(ladderStanding(null, "1", median)).toBe("neither");
  });
});
