import { type LadderChartInput, renderLadderChart } from "@commitments/charts";
import type { QueryData } from "../api.ts";
import type { guarantorsQuery } from "./queries.ts";

type Guarantors = QueryData<typeof guarantorsQuery>;

/** The chart's input from the API's answer: each guarantor's rung, military allocations and standing. */
export function ladderInput(
  data: Guarantors,
  lang: "en" | "uk",
  title: string,
  subtitle: string,
): LadderChartInput {
  return {
    lang,
    title,
    subtitle,
    guarantors: data.guarantors.map((g) => ({
      id: g.party.id,
      // The answer's own names, so the chart is complete from its first paint (no second drawing once names load).
      name: (lang === "uk" ? g.party.nameUk : null) ?? g.party.name,
      tier: g.rung?.tier ?? null,
      volume: g.ladder.volume?.amount ?? null,
      share: g.ladder.share,
      standing: g.standing,
    })),
    median: data.medianVolume?.amount ?? null,
    sources: data.sources.filter((s) => s.id === "kiel"),
    recordsUrl: window.location.origin,
    idPrefix: "ladder",
  };
}

/** Drawn by the same pure function the downloads use; the SVG carries its title, description and hover texts. */
export function LadderChart({ input }: { input: LadderChartInput }) {
  // The markup is built by our own renderer, which escapes every text it draws.
  return (
    <div
      className="chart"
      data-testid="ladder-chart"
      dangerouslySetInnerHTML={{ __html: renderLadderChart(input) }}
    />
  );
}
