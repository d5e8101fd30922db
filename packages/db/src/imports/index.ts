export { importRecords } from "./pipeline.ts";
export { getImport, listImports } from "./runs.ts";
export type {
  ImportCounts,
  ImportFile,
  ImportItem,
  ImportParams,
  ImportPhase,
  ImportProblem,
  ImportProgress,
  ImportReport,
  ImportRun,
  ImportStatus,
  KindCounts,
  Release,
  StagedRows,
} from "./types.ts";
