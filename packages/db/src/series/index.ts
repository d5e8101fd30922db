export { assemble } from "./assemble.ts";
export {
  type CellEvent,
  cellEvents,
  computeCells,
  conversionPlaces,
  refreshMoneySeriesFrom,
  refreshSeries,
  refreshSeriesOfChangeSet,
  type SeriesCell,
  storedCells,
} from "./cells.ts";
export * from "./fulfilment.ts";
export { readSeries } from "./read.ts";
export { deliveredStageFor, reportedBy, seriesSources } from "./sources.ts";
export * from "./types.ts";
