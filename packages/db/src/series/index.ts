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
export { deliveredStageFor, reportedBy } from "./sources.ts";
export * from "./types.ts";
