import { type LadderChartInput, ladderInputOf, renderLadderChart } from "@commitments/charts";
import type { QueryData } from "../api.ts";
import type { guarantorsQuery } from "./queries.ts";

type Guarantors = QueryData<typeof guarantorsQuery>;

/** The ladder's volume axis, as `?scale=` names it. */
export type LadderScale = "linear" | "log";
export const ladderScaleOf = (value: string | null): LadderScale => (value === "log" ? "log" : "linear");

/** The chart's input from the API's answer: each guarantor's rung, military allocations and standing. */
export function ladderInput(
  data: Guarantors,
  lang: "en" | "uk",
  title: string,
  subtitle: string,
  scale: LadderScale = "linear",
): LadderChartInput {
  return ladderInputOf(data, {
    lang,
    title,
    subtitle,
    recordsUrl: window.location.origin,
    idPrefix: "ladder",
    scale,
  });
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
