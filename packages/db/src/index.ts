/*
 * The database package's public face: what the API, the importers' tests, the bench and the cross-package tests
 * use, named one by one. Everything else (the ledger's internals, the series cells' upkeep, the staging tables) is
 * the package's own. Tests of the package itself import its modules directly; test helpers are in ./testing.
 */
export {
  AccountError,
  type ApiTokenInfo,
  authenticateToken,
  changePassword,
  createApiToken,
  createOrganisation,
  createSession,
  createUser,
  disableUser,
  firstOrganisationOfKind,
  getOrganisation,
  listApiTokens,
  listOrganisations,
  listUsers,
  normaliseEmail,
  type Organisation,
  passwordProblem,
  recordAuthEvent,
  revokeAllSessions,
  revokeApiToken,
  revokeSession,
  sessionUser,
  tokenPrefix,
  type User,
  userByEmail,
  verifyPassword,
} from "./accounts.ts";
export { loadSyntheticBulk } from "./bulk-load.ts";
export { createDb, type Db, type DbHandle, type DbOptions } from "./client.ts";
export { countChangeSets, writeFingerprint } from "./counts.ts";
export { liveDependents } from "./dependents.ts";
export {
  agreementEntity,
  annotationEntity,
  commitmentEntity,
  confirmationEntity,
  disputeEntity,
  type Entity,
  entities,
  eventEntity,
  partyEntity,
  provisionEntity,
  rowsOf,
  trancheEntity,
} from "./entities.ts";
export { listCommitmentsWithSchedules } from "./exports.ts";
export {
  agreementsFor,
  type DeliveryFigure,
  type DeliveryFilters,
  type ItemFigure,
  readDeliveryFigures,
  readItemFigures,
} from "./guarantors.ts";
export { findIdempotencyKey, type StoredResponse, storeIdempotencyKey } from "./idempotency.ts";
export {
  getImport,
  type ImportItem,
  type ImportParams,
  type ImportProgress,
  type ImportReport,
  importRecords,
  listImports,
  type StagedRows,
} from "./imports/index.ts";
export {
  type ChangeSet,
  datasetVersion,
  LedgerError,
  openChangeSet,
  withChangeSet,
  writeTransaction,
} from "./ledger.ts";
export {
  addNotice,
  changeSetUser,
  markNoticesRead,
  type NoticeInput,
  type NoticeKind,
  type NoticeReader,
  type NoticeToSend,
  noticeKinds,
  noticesFor,
  noticesToSend,
  type StoredNotice,
  unreadNoticeCount,
} from "./notices.ts";
export { listProposals, proposalEntity, proposalSteps, proposalsOn } from "./proposals.ts";
export { type CommitmentRead, readCommitment } from "./queries/commitment-read.ts";
export {
  type AgreementWithProvisions,
  type CommitmentWithSchedule,
  type EventFilters,
  getAgreement,
  getCommitment,
  getEvent,
  getParty,
  getProvision,
  getTranche,
  listAgreements,
  listCommitments,
  listEvents,
  listParties,
  listProvisions,
  listTranches,
} from "./queries/reads.ts";
export {
  deliveriesToConfirmCount,
  submittedRecordCount,
  waitingProposalCount,
} from "./queries/waiting.ts";
export { countRequest, type RateLimit, uncountRequest } from "./rate-limits.ts";
export { listRates, loadRates, loadRatesCsv, RatesError } from "./rates.ts";
export { diff, type HistoryEntry, recordHistory } from "./record-history.ts";
export {
  allRecords,
  checkReplacement,
  createRecord,
  createRecords,
  getRecord,
  isVisible,
  type Page,
  type Placement,
  publicVisibility,
  replaceRecord,
  retractRecord,
  type Versioned,
  type Visibility,
} from "./records.ts";
export { loadDataset, markReferenceLoaded, referenceLoaded } from "./reference.ts";
export {
  listAnnotations,
  listConfirmations,
  listDisputes,
  type OrganisationName,
  organisationNames,
  type Remarks,
  remarkHistory,
  remarksOnRecords,
} from "./remarks.ts";
export * as schema from "./schema.ts";
export {
  type CommitmentFulfilment,
  commitmentFulfilment,
  computeCells,
  type FlagCounts,
  listFulfilment,
  readSeries,
  type Series,
  type SeriesQuery,
  type SeriesSource,
  SeriesTooLarge,
  seriesSources,
  storedCells,
} from "./series/index.ts";
export { claimSignInAttempt, forgetSignInFailures, type SignInBackoff } from "./sign-in-backoff.ts";
