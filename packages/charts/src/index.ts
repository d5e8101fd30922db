export { creditLine, publisherCredits } from "./credits.ts";
export {
  addDecimals,
  amountScale,
  escapeXml,
  formatAmount,
  formatCompact,
  niceTicks,
  periodLabel,
  textWidth,
  wrapText,
} from "./format.ts";
export {
  type ChartLang,
  categoryName,
  chartLangs,
  type Labels,
  labels,
  tierName,
  unitName,
} from "./labels.ts";
export {
  type GuarantorsAnswer,
  type LadderChartInput,
  type LadderGuarantor,
  ladderInputOf,
  ladderSummary,
  ladderTitles,
  renderLadderChart,
} from "./ladder.ts";
export { renderSeriesChart } from "./render.ts";
export { type ChartTheme, chartThemes } from "./style.ts";
export {
  type ChartFilters,
  type ChartNames,
  chartFileName,
  chartSubtitle,
  chartTitle,
  groupName,
  stageName,
} from "./titles.ts";
export type {
  ChartGroup,
  ChartKind,
  ChartMeta,
  ChartPoint,
  ChartSeries,
  ChartSource,
  FlagCounts,
  PointFlags,
  SeriesChartInput,
} from "./types.ts";
