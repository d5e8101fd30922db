import type { CategoryId, Confidence, PartyId } from "@commitments/core";
import { type ActivityContext, activityItem } from "./iati-activity.ts";
import { readIatiActivities } from "./iati-xml.ts";
import type { ByteSource, CommonImportOptions, ImportItem } from "./types.ts";

export { type IatiOrganisation, organisationParty, organisationPartyId } from "./iati-organisations.ts";

/** 2: donors read from organisation identifiers and providers, activities outside the import skipped, reversals. */
export const iatiImporterVersion = "iati-activity/2";

export interface IatiOptions extends CommonImportOptions {
  /**
   * The donor of every figure in the file. Without it, each figure's donor is read from the organisation
   * identifier of its provider-org, or else of the reporting-org (see iati-organisations.ts): "GB-GOV-1" → GB,
   * "XM-DAC-918" → EU, "XM-DAC-41114" → UNDP, a foundation's "GB-CHC-…" → a party of its own.
   */
  donor?: PartyId;
  /** The recipient the import is about (default UA): figures are taken for it, by its recipient-country share. */
  recipient?: PartyId;
  /** Where the file came from (its URL in the IATI registry, say). */
  url?: string;
  /** The sources' title; default "IATI activity file, " and the reporting organisation's name. */
  title?: string;
  /** The category of every commitment; default derived from its sectors and finance type (see the README). */
  category?: CategoryId;
  /** Default "reported_by_donor": an IATI file is the publisher's own report. */
  confidence?: Confidence;
  /** Most elements an activity may have. Default 200,000. */
  maxActivityElements?: number;
}

/**
 * Reads IATI activity XML, standard 1.01 to 2.03 (1.0x texts instead of narratives, its letter codes and old-style
 * organisation identifiers), as a stream, one activity at a time; see activityItem for what becomes what. An
 * activity for another recipient country, or for none (a regional or global one), is skipped with the reason. A
 * figure's currency is its own or the activity's default; none is a problem naming the element. Negative
 * transaction values (reversals, decommitments) are recorded as reported. Organisations that are not states and
 * not among core's organisations are introduced as parties in the records (`parties`).
 */
export async function* parseIatiActivities(
  input: ByteSource,
  options: IatiOptions = {},
): AsyncGenerator<ImportItem> {
  const context: ActivityContext = { options, seenActivities: new Map(), introduced: new Map() };
  yield* readIatiActivities(input, options, (activity, root) => activityItem(activity, root, context));
}
