import { sourceDatasets } from "@commitments/core";
import { label } from "@commitments/core/vocabulary";
import { describe, expect, it } from "vitest";
import { headlineStage } from "../commitments/labels.ts";
import { sourceName, sourceSays, stageWord, unsplitSources } from "./sourceWords.ts";

// The sources as the series answers name them, from core's definitions (what each reports, whether it splits).
const answerSource = (id: "kiel" | "sipri" | "tracker") => ({ release: null, ...sourceDatasets[id] });

describe("whose word a figure is, and which stage it counts", () => {
  it("names stages and sources in the vocabulary's words, and what a source does not report", () => {
    expect(stageWord("allocated", "en")).toBe(label("stage", "allocated", "en"));
    expect(stageWord("allocated", "uk")).toBe(label("stage", "allocated", "uk"));
    expect(sourceName("kiel", "en")).toBe(label("sourceDataset", "kiel", "en"));
    expect(sourceSays("kiel", "en")).toMatch(/not deliveries/);
    expect(sourceSays("unknown", "en")).toBeUndefined();
  });

  it("finds the sources whose promises cannot be compared category by category, and only by category", () => {
    const series = {
      promisedStage: "committed",
      deliveredStage: "allocated",
      sources: [answerSource("kiel"), answerSource("sipri")],
    };
    expect(unsplitSources({ ...series, groupBy: "category" }).map((s) => s.id)).toEqual(["kiel"]);
    expect(unsplitSources({ ...series, groupBy: "donor" })).toEqual([]);
    expect(unsplitSources({ ...series, groupBy: "category", sources: [answerSource("tracker")] })).toEqual(
      [],
    );
  });

  it("heads a line recorded only as allocated with that stage, and a promise as a promise", () => {
    const at = (stage: "pledged" | "committed" | "allocated" | "delivered", retracted = false) => ({
      stage,
      retracted,
    });
    expect(headlineStage([at("allocated"), at("allocated")])).toBe("allocated");
    expect(headlineStage([at("allocated"), at("delivered")])).toBe("delivered");
    expect(headlineStage([at("committed"), at("delivered")])).toBeNull();
    expect(headlineStage([at("pledged")])).toBeNull();
    expect(headlineStage([])).toBeNull();
    // A retracted commitment event no longer makes the line a promise.
    expect(headlineStage([at("committed", true), at("allocated")])).toBe("allocated");
  });
});
