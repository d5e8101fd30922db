import {
  type CategoryId,
  type CommitmentRecord,
  type Confidence,
  compare,
  compareDays,
  IsoDate,
  type Party,
  type PartyId,
  type StageEvent,
  sum,
  type TrancheRecord,
} from "@commitments/core";
import { type Figure, outsideReason, readFigures } from "./iati-figures.ts";
import { organisationParty } from "./iati-organisations.ts";
import { type IatiRoot, kid, kids, narrative, type XmlElement } from "./iati-xml.ts";
import { commitmentSchema, eventSchema, type Locate, shortHash, trancheSchema, validate } from "./records.ts";
import { excerpt } from "./text.ts";
import { emptyRecords, type ImportItem, type ImportProblem } from "./types.ts";

/** What turning activities into records needs to know beyond one activity. */
export interface ActivityContext {
  options: {
    donor?: PartyId | undefined;
    recipient?: PartyId | undefined;
    url?: string | undefined;
    title?: string | undefined;
    category?: CategoryId | undefined;
    confidence?: Confidence | undefined;
  };
  /** Activity identifiers already read, so a repeated activity is reported rather than given the same ids. */
  seenActivities: Map<string, number>;
  /** Parties introduced so far, by id: the first name the file gives an organisation is the one kept. */
  introduced: Map<PartyId, Party>;
}

const isoDay = (value: string | undefined) =>
  value && IsoDate.safeParse(value.slice(0, 10)).success ? value.slice(0, 10) : undefined;

/**
 * The category of an activity: humanitarian (DAC 720–740), demining (15250) or budget support (51010) when all its
 * sectors say so; otherwise grants or loans by its default finance type (1xx grants, 4xx loans); otherwise funding.
 * Sector vocabularies: 1 and 2 in 2.0x, DAC and DAC-3 in 1.0x; none given means the DAC's.
 */
function iatiCategory(activity: XmlElement): CategoryId {
  const fromSector = (code: string): CategoryId | null => {
    if (/^7[234]/.test(code)) return "humanitarian";
    if (code === "15250") return "demining";
    if (code === "51010" || code === "510") return "funding.budget_support";
    return null;
  };
  const sectors = kids(activity, "sector")
    .filter((s) => ["1", "2", "DAC", "DAC-3", undefined].includes(s.attributes.vocabulary))
    .map((s) => fromSector(s.attributes.code ?? ""));
  if (sectors.length > 0 && sectors[0] && sectors.every((c) => c === sectors[0])) return sectors[0];
  const finance = kid(activity, "default-finance-type")?.attributes.code ?? "";
  if (/^1\d\d$/.test(finance)) return "funding.grants";
  if (/^4\d\d$/.test(finance)) return "funding.loans";
  return "funding";
}

/** Of elements repeated per language (1.0x titles), the English one or the one without a language. */
function inEnglish(elements: XmlElement[]): XmlElement | undefined {
  const lang = (e: XmlElement) => e.attributes["xml:lang"]?.toLowerCase();
  return elements.find((e) => lang(e) === undefined) ?? elements.find((e) => lang(e) === "en") ?? elements[0];
}

/** The activity's start and end, actual before planned: 2.0x codes (1–4), 1.0x words ("start-actual", …). */
function activityPeriod(activity: XmlElement): { start: string; end: string } | undefined {
  const dates = new Map(
    kids(activity, "activity-date").map((d) => [d.attributes.type, isoDay(d.attributes["iso-date"])]),
  );
  const start = dates.get("2") ?? dates.get("start-actual") ?? dates.get("1") ?? dates.get("start-planned");
  const end = dates.get("4") ?? dates.get("end-actual") ?? dates.get("3") ?? dates.get("end-planned");
  return start && end && compareDays(start, end) <= 0 ? { start, end } : undefined;
}

/**
 * One activity as records: per donor and currency, one commitment; budgets (and 2.03 outgoing pledges) become
 * pledged events (a published, not binding, plan; a revised budget replaces the original for the same period),
 * planned disbursements tranches, outgoing commitments committed events and disbursements delivered ones, each at
 * the recipient's share. An activity for another country, or for none (regional or global), is skipped.
 */
export function activityItem(activity: XmlElement, root: IatiRoot, context: ActivityContext): ImportItem {
  const { options } = context;
  const row = activity.line;
  const recipient = options.recipient ?? "UA";
  const outside = outsideReason(activity, recipient);
  if (outside) return { row, skipped: outside };

  const problems: ImportProblem[] = [];
  const identifier = kid(activity, "iati-identifier")?.text.trim() ?? "";
  if (identifier === "")
    problems.push({ row, column: "iati-identifier", message: "the activity has no identifier" });
  const reporting = kid(activity, "reporting-org");
  const reportingName = narrative(reporting) ?? reporting?.attributes.ref ?? "unknown publisher";

  // The reporting organisation's party, if its identifier names one. A publisher's name for itself is the one
  // its parties are introduced under, whatever its transactions call it.
  const home = options.donor
    ? undefined
    : organisationParty({
        ref: reporting?.attributes.ref,
        type: reporting?.attributes.type,
        name: reportingName,
      });
  if (home?.ok && home.introduced && !context.introduced.has(home.party)) {
    context.introduced.set(home.party, home.introduced);
  }

  // The donor: the option's, else the organisation's party; organisations the ledger may lack are introduced.
  const used = new Map<PartyId, Party>();
  const donorOf = (org: XmlElement | undefined, column: string): PartyId | null => {
    if (options.donor) return options.donor;
    const read = organisationParty({
      ref: org?.attributes.ref,
      type: org?.attributes.type,
      name: narrative(org),
    });
    if (!read.ok) {
      problems.push({
        row: (org ?? activity).line,
        column,
        ...(org?.attributes.ref ? { value: excerpt(org.attributes.ref) } : {}),
        message: `the donor cannot be read from this organisation identifier (${read.message}): pass the donor option`,
      });
      return null;
    }
    if (read.introduced) {
      const kept = context.introduced.get(read.party) ?? read.introduced;
      context.introduced.set(read.party, kept);
      used.set(read.party, kept);
    }
    return read.party;
  };
  // A secondary reporter publishes for another organisation (IATI: "reporting on behalf of"): its figures are the
  // funding organisation's, when the activity names one (participating-org role 1, "Funding" in 1.0x).
  const secondary = reporting?.attributes["secondary-reporter"]?.trim() === "1";
  const funders = kids(activity, "participating-org").filter((o) =>
    ["1", "Funding"].includes(o.attributes.role ?? ""),
  );
  let reportingDonor: PartyId | null | undefined;
  const reportingDonorOf = () => {
    if (reportingDonor !== undefined) return reportingDonor;
    if (!secondary || options.donor) reportingDonor = donorOf(reporting, "reporting-org/@ref");
    else if (funders.length === 1) reportingDonor = donorOf(funders[0], "participating-org/@ref");
    else {
      problems.push({
        row: reporting?.line ?? row,
        column: "reporting-org/@secondary-reporter",
        message: `a secondary reporter, and ${funders.length} funding organisations: whose the figures are is unknown, pass the donor option`,
      });
      reportingDonor = null;
    }
    return reportingDonor;
  };
  // A figure without a provider identifier is the reporting organisation's own: its file reports its own flows.
  const { figures, warnings, ...reading } = readFigures(activity, recipient, (provider) =>
    provider?.attributes.ref?.trim() ? donorOf(provider, "provider-org/@ref") : reportingDonorOf(),
  );
  problems.push(...reading.problems);
  if (problems.length > 0) return { row, problems };

  // A revised budget or planned disbursement replaces the original for the same period.
  const periodKey = (f: Figure) => `${f.donor}|${f.kind}|${f.period?.start}|${f.period?.end}|${f.date}`;
  const revised = new Set(figures.filter((f) => f.kind !== "transaction" && f.revised).map(periodKey));
  const kept = figures.filter((f) => f.kind === "transaction" || f.revised || !revised.has(periodKey(f)));

  const seen = (context.seenActivities.get(identifier) ?? 0) + 1;
  context.seenActivities.set(identifier, seen);
  if (seen > 1) {
    return {
      row,
      problems: [
        {
          row,
          column: "iati-identifier",
          value: identifier,
          message: "the activity appears more than once in the file",
        },
      ],
    };
  }

  const published =
    isoDay(activity.attributes["last-updated-datetime"]) ?? isoDay(root["generated-datetime"]);
  const source = (element: XmlElement) => ({
    title: (options.title ?? `IATI activity file, ${reportingName}`).slice(0, 500),
    kind: "dataset" as const,
    ...(reportingName === "unknown publisher" ? {} : { publisher: reportingName.slice(0, 200) }),
    ...(options.url ? { url: options.url } : {}),
    ...(published ? { published } : {}),
    locator: `iati-activity ${identifier}, <${element.name}> on line ${element.line}`.slice(0, 300),
  });
  const title = narrative(inEnglish(kids(activity, "title"))) ?? identifier;
  const category = options.category ?? iatiCategory(activity);
  const confidence = options.confidence ?? "reported_by_donor";
  const period = activityPeriod(activity);
  const records = emptyRecords();
  const locate =
    (element: XmlElement): Locate =>
    (path) => ({
      row: element.line,
      column:
        path[0] === "measure" && path[1] === "currency"
          ? `${element.name}/value/@currency`
          : `${element.name}/${String(path[0] ?? "")}`,
    });
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  // The reporting organisation's lines keep the ids they had before providers were read; others say whose.
  const own = options.donor ?? (home?.ok ? home.party : undefined);
  const lines = [...new Set(kept.map((f) => `${f.donor}\u001f${f.currency}`))];
  for (const line of lines) {
    const [donor = "", currency = ""] = line.split("\u001f");
    const ofLine = kept.filter((f) => f.donor === donor && f.currency === currency);
    const by = donor === own ? "" : `-by-${slug(donor)}`;
    const commitmentId = `iati-${shortHash([identifier])}${by}-${slug(currency)}`;
    // The line's size: what was committed; failing that the pledges, the planned disbursements, the disbursements.
    // Decommitments net against commitments; a line that nets below zero has no size to give.
    const sized =
      [
        ofLine.filter((f) => f.stage === "committed"),
        ofLine.filter((f) => f.stage === "pledged"),
        ofLine.filter((f) => f.kind === "planned"),
        ofLine.filter((f) => f.stage === "delivered"),
      ].find((list) => list.length > 0) ?? [];
    const size = sum(sized.map((f) => f.amount));
    if (compare(size, "0") < 0) {
      problems.push({
        row,
        column: `${sized[0]?.element.name ?? "transaction"}/value`,
        value: `${size} ${currency}`,
        message:
          "the figures of this donor and currency net to less than nothing: more reversed than reported",
      });
      continue;
    }
    const commitment = validate(
      commitmentSchema,
      {
        id: commitmentId,
        donor,
        recipient,
        title: title.length > 500 ? `${title.slice(0, 499)}…` : title,
        category,
        measure: { kind: "money", amount: size, currency },
        ...(period ? { period } : {}),
        sources: [source(activity)],
      },
      locate(ofLine[0]?.element ?? activity),
    );
    if (!commitment.ok) {
      problems.push(...commitment.problems);
      continue;
    }
    records.commitments.push(commitment.value as CommitmentRecord);
    const ids = new Map<string, number>();
    let position = 0;
    for (const figure of ofLine) {
      const base = `${commitmentId}-${shortHash([figure.kind, figure.element.attributes.ref ?? "", figure.date, figure.amount, figure.stage ?? ""], 8)}`;
      const n = (ids.get(base) ?? 0) + 1;
      ids.set(base, n);
      const id = n === 1 ? base : `${base}-${n}`;
      const measure = { kind: "money", amount: figure.amount, currency };
      if (figure.kind === "planned") {
        const tranche = validate(
          trancheSchema,
          {
            id,
            commitment: commitmentId,
            position: position++,
            due: figure.date,
            measure,
            note: figure.note.slice(0, 1000),
          },
          locate(figure.element),
        );
        if (tranche.ok) records.tranches.push(tranche.value as TrancheRecord);
        else problems.push(...tranche.problems);
        continue;
      }
      const event = validate(
        eventSchema,
        {
          id,
          commitment: commitmentId,
          stage: figure.stage,
          date: figure.date,
          ...(figure.kind === "budget" && figure.period ? { period: figure.period } : {}),
          measure,
          confidence,
          sources: [source(figure.element)],
          note: figure.note.slice(0, 2000),
        },
        locate(figure.element),
      );
      if (event.ok) records.events.push(event.value as StageEvent);
      else problems.push(...event.problems);
    }
  }
  if (problems.length > 0) return { row, problems };
  const donors = new Set(records.commitments.map((c) => c.donor));
  const parties = [...used.values()].filter((p) => donors.has(p.id));
  if (parties.length > 0) records.parties = parties;
  if (lines.length === 0) {
    warnings.push({
      row,
      message: "nothing to import: no budgets, planned disbursements, commitments or disbursements",
    });
  }
  return warnings.length > 0 ? { row, records, warnings } : { row, records };
}
