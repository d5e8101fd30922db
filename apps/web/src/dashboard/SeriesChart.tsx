import type { SeriesChartInput } from "@commitments/charts";

/**
 * The chart drawn by the same pure function as the server's SVG and PNG and the embed, so what a reporter sees,
 * downloads and embeds is one picture. The SVG carries its own title, description and a hover text per point.
 */
export function SeriesChart({
  render,
  input,
}: {
  render: (input: SeriesChartInput) => string;
  input: SeriesChartInput;
}) {
  // The markup is built by our own renderer, which escapes every text it draws.
  return (
    <div className="chart" data-testid="series-chart" dangerouslySetInnerHTML={{ __html: render(input) }} />
  );
}
