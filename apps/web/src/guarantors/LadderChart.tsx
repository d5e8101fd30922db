import { type LadderChartInput, ladderInputOf, renderLadderChart } from "@commitments/charts";
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
  return ladderInputOf(data, {
    lang,
    title,
    subtitle,
    recordsUrl: window.location.origin,
    idPrefix: "ladder",
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
