import {
  type CategoryId,
  type CommitmentRecord,
  type Confidence,
  compare,
  compareDays,
  divide,
  IsoDate,
  isStateCode,
  multiply,
  normalize,
  type PartyId,
  type StageEvent,
  sum,
  type TrancheRecord,
} from "@commitments/core";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import {
  commitmentSchema,
  decimalFromText,
  eventSchema,
  type Locate,
  shortHash,
  trancheSchema,
  validate,
} from "./records.ts";
import { byteChunks, excerpt } from "./text.ts";
import {
  type ByteSource,
  type CommonImportOptions,
  defaultMaxCellLength,
  emptyRecords,
  type ImportItem,
  type ImportProblem,
} from "./types.ts";

export const iatiImporterVersion = "iati-activity/1";

export interface IatiOptions extends CommonImportOptions {
  /** The donor of every activity in the file. Without it, it is read from reporting-org/@ref ("GB-GOV-1" → GB). */
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

// ---------------------------------------------------------------------------------------------------------------
// A small tree per activity: an activity is read whole, one at a time, and dropped once turned into records.

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

function kids(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

function kid(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** The element's text: its English (or only) narrative in IATI 2.0x, its own text in 1.0x. */
function narrative(element: XmlElement | undefined, lang = "en"): string | undefined {
  if (!element) return undefined;
  const narratives = kids(element, "narrative");
  const chosen =
    narratives.find((n) => n.attributes["xml:lang"] === undefined) ??
    narratives.find((n) => n.attributes["xml:lang"]?.toLowerCase() === lang) ??
    narratives[0];
  const text = (chosen ? chosen.text : element.text).replace(/\s+/g, " ").trim();
  return text === "" ? undefined : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding: the XML declaration names the encoding; refuse what we cannot decode rather than guess.

async function* decodeXml(
  input: ByteSource,
  problems: ImportProblem[],
  encodingLabel: { value: string },
): AsyncGenerator<string> {
  const chunks = byteChunks(input);
  // Enough of the start to read a byte order mark or the XML declaration.
  let head = new Uint8Array(0);
  while (head.length < 1024) {
    const next = await chunks.next();
    if (next.done) break;
    const joined = new Uint8Array(head.length + next.value.length);
    joined.set(head);
    joined.set(next.value, head.length);
    head = joined;
  }
  let label = "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) label = "utf-16le";
  else if (head[0] === 0xfe && head[1] === 0xff) label = "utf-16be";
  else {
    const declared = /^(?:\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
      new TextDecoder("latin1").decode(head.subarray(0, 200)),
    )?.[1];
    if (declared) label = declared.toLowerCase();
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    problems.push({
      row: 1,
      column: "encoding",
      value: label,
      message: "an XML encoding this importer cannot read",
    });
    return;
  }
  const slice = function* (text: string) {
    for (let i = 0; i < text.length; i += 65_536) yield text.slice(i, i + 65_536);
  };
  encodingLabel.value = label;
  yield* slice(decoder.decode(head, { stream: true }));
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    yield* slice(decoder.decode(next.value, { stream: true }));
  }
  yield* slice(decoder.decode());
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

/**
 * Reads IATI activity XML (2.0x, and 1.0x with its letter codes) as a stream, one activity at a time. Per activity
 * and currency, one commitment: budgets become pledged events (a published, not binding, plan; a revised budget
 * replaces the original for the same period), planned disbursements become tranches, outgoing commitments
 * (type 2, or C) committed events and disbursements (type 3, or D) delivered events; other transaction types are
 * not the donor's promise or delivery and are left out. A figure's currency is its own or the activity's default;
 * none is a problem. DOCTYPE and ENTITY declarations are refused outright, and entities are never expanded, so XML
 * bombs and external entities cannot work.
 */
export async function* parseIatiActivities(
  input: ByteSource,
  options: IatiOptions = {},
): AsyncGenerator<ImportItem> {
  const maxText = options.maxCellLength ?? defaultMaxCellLength;
  const maxElements = options.maxActivityElements ?? 200_000;
  const maxToken = Math.max(maxText * 4, 1_048_576);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const queue: ImportItem[] = [];
  const decodeProblems: ImportProblem[] = [];
  let fatal: ImportProblem | undefined;
  let root: Record<string, string> | undefined;
  let stack: XmlElement[] = [];
  let activity: XmlElement | undefined;
  let elements = 0;
  let activityProblems: ImportProblem[] = [];
  const encoding = { value: "utf-8" };
  let depth = 0;
  let lastEvent = 0;
  const context: ActivityContext = {
    options,
    seenActivities: new Map(),
    generated: undefined,
  };
  const fail = (message: string, column?: string) => {
    if (!fatal) fatal = { row: parser.line, ...(column ? { column } : {}), message };
  };

  parser.on("error", (error) => fail(`not well-formed XML: ${error.message}`));
  parser.on("doctype", () => fail("a DOCTYPE declaration: refused (IATI files need none)", "DOCTYPE"));
  parser.on("opentag", (tag: SaxesTagPlain) => {
    lastEvent = parser.position;
    if (fatal) return;
    depth++;
    if (depth > 100) return fail("elements nested more than 100 deep");
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes,
      children: [],
      text: "",
      line: parser.line,
    };
    if (!root) {
      if (tag.name !== "iati-activities" && tag.name !== "iati-activity") {
        return fail(`not an IATI activity file: the root element is <${tag.name}>`);
      }
      root = tag.attributes;
      context.generated = tag.attributes["generated-datetime"];
      if (tag.name === "iati-activities") return;
    }
    if (!activity) {
      if (tag.name === "iati-activity") {
        activity = element;
        stack = [element];
        elements = 0;
        activityProblems = [];
      }
      return;
    }
    if (++elements > maxElements) return fail(`an activity with more than ${maxElements} elements`);
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  const badBytes = (text: string, element: XmlElement) => {
    if (activity && text.includes("\uFFFD") && activityProblems.length < 20) {
      activityProblems.push({
        row: parser.line,
        column: element.name,
        value: excerpt(text.trim()),
        message: `bytes that are not valid ${encoding.value}: the file is not in the encoding it declares`,
      });
    }
  };
  parser.on("text", (text) => {
    lastEvent = parser.position;
    const current = stack.at(-1);
    if (fatal || !current) return;
    badBytes(text, current);
    if (current.text.length + text.length > maxText) {
      return fail(`a text longer than ${maxText} characters in <${current.name}>`, current.name);
    }
    current.text += text;
  });
  parser.on("cdata", (text) => {
    lastEvent = parser.position;
    const current = stack.at(-1);
    if (fatal || !current) return;
    if (current.text.length + text.length > maxText) return fail(`a text longer than ${maxText} characters`);
    current.text += text;
  });
  parser.on("closetag", () => {
    lastEvent = parser.position;
    depth--;
    if (fatal || !activity) return;
    const closed = stack.pop();
    if (closed === activity) {
      const item =
        activityProblems.length > 0
          ? { row: activity.line, problems: activityProblems }
          : activityItem(activity, root ?? {}, context);
      if (item) queue.push(item);
      activity = undefined;
    }
  });
  parser.on("comment", () => {
    lastEvent = parser.position;
  });
  parser.on("processinginstruction", () => {
    lastEvent = parser.position;
  });

  let carry = "";
  let lines = 1;
  for await (const chunk of decodeXml(input, decodeProblems, encoding)) {
    // Refused before the parser sees them: a declaration's internal subset could otherwise be held in memory.
    const window = carry + chunk;
    const declaration = /<!(DOCTYPE|ENTITY)/i.exec(window);
    if (declaration) {
      const before = chunk.slice(0, Math.max(0, declaration.index - carry.length));
      const line = lines + (before.match(/\n/g)?.length ?? 0);
      yield* queue.splice(0);
      yield {
        row: line,
        problems: [
          {
            row: line,
            column: declaration[1]?.toUpperCase() ?? "DOCTYPE",
            message: `a ${declaration[1]?.toUpperCase()} declaration: refused, the file is not read. IATI files need none, and they are how XML bombs and external-entity attacks work`,
          },
        ],
      };
      return;
    }
    lines += chunk.match(/\n/g)?.length ?? 0;
    carry = chunk.slice(-8);
    parser.write(chunk);
    yield* queue.splice(0);
    if (!fatal && parser.position - lastEvent > maxToken) {
      fail(`a single XML token longer than ${maxToken} characters`);
    }
    if (fatal) break;
  }
  if (decodeProblems.length > 0) {
    yield { row: 1, problems: decodeProblems };
    return;
  }
  if (!fatal) {
    parser.close();
    yield* queue.splice(0);
  }
  if (fatal) {
    const problem: ImportProblem = fatal;
    yield {
      row: problem.row,
      problems: [
        {
          ...problem,
          message: activity
            ? `${problem.message}; the activity that starts on line ${activity.line} and the rest of the file are not read`
            : `${problem.message}; the rest of the file is not read`,
        },
      ],
    };
    return;
  }
  if (!root) yield { row: 0, problems: [{ row: 0, message: "no IATI activities in the file" }] };
}

interface ActivityContext {
  options: IatiOptions;
  /** Activity identifiers already read, so a repeated activity is reported rather than given the same ids. */
  seenActivities: Map<string, number>;
  generated: string | undefined;
}

/** IATI 1.0x letter codes and 2.0x numbers for the two transaction types the tracker records. */
const transactionStages: Record<string, "committed" | "delivered"> = {
  "2": "committed",
  C: "committed",
  "3": "delivered",
  D: "delivered",
};

/**
 * The donor from the reporting organisation's identifier, only where it says so unambiguously: a government
 * ("GB-GOV-1" → GB) or the European Commission ("XI-IATI-EC_NEAR" → EU). Registered charities and companies
 * ("GB-CHC-…", "GB-COH-…") are not their country, so anything else needs the `donor` option.
 */
export function iatiDonor(ref: string | undefined): PartyId | undefined {
  if (!ref) return undefined;
  const government = /^([A-Z]{2})-GOV(?:-|$)/.exec(ref);
  if (government && isStateCode(government[1] as string)) return government[1];
  if (/^XI-IATI-EC_/.test(ref)) return "EU";
  return undefined;
}

/**
 * The category of an activity: humanitarian (DAC 720–740), demining (15250) or budget support (51010) when all its
 * sectors say so; otherwise grants or loans by its default finance type (1xx grants, 4xx loans); otherwise funding.
 */
function iatiCategory(activity: XmlElement): CategoryId {
  const fromSector = (code: string): CategoryId | null => {
    if (/^7[234]/.test(code)) return "humanitarian";
    if (code === "15250") return "demining";
    if (code === "51010" || code === "510") return "funding.budget_support";
    return null;
  };
  const sectors = kids(activity, "sector")
    .filter((s) => ["1", "2", undefined].includes(s.attributes.vocabulary))
    .map((s) => fromSector(s.attributes.code ?? ""));
  if (sectors.length > 0 && sectors[0] && sectors.every((c) => c === sectors[0])) return sectors[0];
  const finance = kid(activity, "default-finance-type")?.attributes.code ?? "";
  if (/^1\d\d$/.test(finance)) return "funding.grants";
  if (/^4\d\d$/.test(finance)) return "funding.loans";
  return "funding";
}

interface Figure {
  kind: "budget" | "planned" | "transaction";
  element: XmlElement;
  stage?: "pledged" | "committed" | "delivered";
  currency: string;
  amount: string;
  date: string;
  period?: { start: string; end: string };
  note: string;
  revised: boolean;
}

function activityItem(
  activity: XmlElement,
  root: Record<string, string>,
  context: ActivityContext,
): ImportItem | null {
  const { options } = context;
  const row = activity.line;
  const problems: ImportProblem[] = [];
  const problem = (element: XmlElement, column: string, message: string, value?: string) =>
    problems.push({ row: element.line, column, ...(value ? { value: excerpt(value) } : {}), message });

  const identifier = kid(activity, "iati-identifier")?.text.trim() ?? "";
  if (identifier === "") problem(activity, "iati-identifier", "the activity has no identifier");
  const reporting = kid(activity, "reporting-org");
  const reportingName = narrative(reporting) ?? reporting?.attributes.ref ?? "unknown publisher";
  const donor = options.donor ?? iatiDonor(reporting?.attributes.ref);
  if (donor === undefined) {
    problem(
      reporting ?? activity,
      "reporting-org/@ref",
      "the donor cannot be read from this organisation identifier: pass the donor option",
      reporting?.attributes.ref,
    );
  }
  const recipient = options.recipient ?? "UA";
  const activityCountries = kids(activity, "recipient-country");
  const defaultCurrency = activity.attributes["default-currency"];
  const isoDay = (value: string | undefined) =>
    value && IsoDate.safeParse(value.slice(0, 10)).success ? value.slice(0, 10) : undefined;

  // The recipient's share of a figure, in percent: its own recipient-country, else the activity's.
  let forRecipient = activityCountries.some((c) => c.attributes.code === recipient);
  const namesCountries = activityCountries.length > 0;
  let figuresNameCountries = false;
  const shareOf = (element: XmlElement): string | null => {
    const own = kids(element, "recipient-country");
    if (own.length > 0) {
      figuresNameCountries = true;
      if (own.some((c) => c.attributes.code === recipient)) {
        forRecipient = true;
        return "100";
      }
      return null;
    }
    const entry = activityCountries.find((c) => c.attributes.code === recipient);
    if (!entry) return null;
    const percentage = entry.attributes.percentage;
    if (percentage === undefined || percentage.trim() === "") {
      if (activityCountries.length === 1) return "100";
      problem(
        entry,
        "recipient-country/@percentage",
        "several recipient countries and no percentage for this one",
      );
      return null;
    }
    const share = decimalFromText(percentage);
    if (share === null || compare(share, "0") < 0 || compare(share, "100") > 0) {
      problem(entry, "recipient-country/@percentage", "expected a percentage from 0 to 100", percentage);
      return null;
    }
    return share;
  };

  const figures: Figure[] = [];
  const read = (element: XmlElement, kind: Figure["kind"], stage: Figure["stage"], note: string) => {
    const share = shareOf(element);
    if (share === null) return;
    const value = kid(element, "value");
    if (!value) return problem(element, `${element.name}/value`, "no value");
    const raw = value.text.trim();
    const amount = decimalFromText(raw);
    if (amount === null) return problem(value, `${element.name}/value`, "expected a number", raw);
    if (amount.startsWith("-")) {
      return problem(
        value,
        `${element.name}/value`,
        "a negative value (a reversal): the tracker records figures, not corrections",
        raw,
      );
    }
    const currency = value.attributes.currency ?? defaultCurrency;
    if (currency === undefined || currency.trim() === "") {
      return problem(
        value,
        `${element.name}/value/@currency`,
        "no currency, and the activity has no default-currency",
      );
    }
    let shared = amount;
    if (share !== "100") {
      shared = divide(multiply(amount, share), "100", 10);
      if (compare(multiply(shared, "100"), multiply(amount, share)) !== 0) {
        return problem(
          value,
          `${element.name}/value`,
          `the ${share}% share is not exact to 10 decimals`,
          raw,
        );
      }
    }
    const start = isoDay(kid(element, "period-start")?.attributes["iso-date"]);
    const end = isoDay(kid(element, "period-end")?.attributes["iso-date"]);
    const date =
      kind === "transaction"
        ? (isoDay(kid(element, "transaction-date")?.attributes["iso-date"]) ??
          isoDay(value.attributes["value-date"]))
        : kind === "planned"
          ? (end ?? start)
          : start;
    if (date === undefined) {
      return problem(
        element,
        kind === "transaction" ? "transaction-date/@iso-date" : "period-start/@iso-date",
        "no date",
      );
    }
    if (kind === "budget" && end === undefined)
      return problem(element, "period-end/@iso-date", "a budget without a period end");
    const shareNote =
      share === "100"
        ? ""
        : ` ${normalize(share)}% of the figure (${raw} ${currency}), the recipient-country share for ${recipient}.`;
    figures.push({
      kind,
      element,
      ...(stage ? { stage } : {}),
      currency: currency.trim(),
      amount: shared,
      date,
      ...(start && end ? { period: { start, end } } : {}),
      note: `${note}${shareNote}`,
      revised: element.attributes.type === "2",
    });
  };

  for (const budget of kids(activity, "budget")) {
    const status = budget.attributes.status === "2" ? "committed" : "indicative";
    const type = budget.attributes.type === "2" ? "revised" : "original";
    read(
      budget,
      "budget",
      "pledged",
      `IATI budget (${type}, ${status}) for its period: a published plan, not a binding commitment.`,
    );
  }
  for (const planned of kids(activity, "planned-disbursement")) {
    read(
      planned,
      "planned",
      undefined,
      `IATI planned disbursement (${planned.attributes.type === "2" ? "revised" : "original"}).`,
    );
  }
  for (const transaction of kids(activity, "transaction")) {
    const code = kid(transaction, "transaction-type")?.attributes.code?.trim() ?? "";
    const stage = transactionStages[code];
    if (!stage) continue;
    const from = narrative(kid(transaction, "provider-org"));
    const to = narrative(kid(transaction, "receiver-org"));
    const description = narrative(kid(transaction, "description"));
    read(
      transaction,
      "transaction",
      stage,
      [
        `IATI transaction type ${code} (${stage === "committed" ? "commitment" : "disbursement"})${from ? ` from ${from}` : ""}${to ? ` to ${to}` : ""}.`,
        ...(description ? [description] : []),
      ].join(" "),
    );
  }
  if (!forRecipient) {
    // Not about the recipient: left out quietly, as a publisher's file covers many countries.
    if (namesCountries || figuresNameCountries) return null;
    problem(
      activity,
      "recipient-country",
      `the activity names no recipient country: its share for ${recipient} is unknown`,
    );
  }
  if (problems.length > 0) return { row, problems };

  // A revised budget or planned disbursement replaces the original for the same period.
  const revisedPeriods = new Set(
    figures
      .filter((f) => f.kind !== "transaction" && f.revised)
      .map((f) => `${f.kind}|${f.period?.start}|${f.period?.end}|${f.date}`),
  );
  const kept = figures.filter(
    (f) =>
      f.kind === "transaction" ||
      f.revised ||
      !revisedPeriods.has(`${f.kind}|${f.period?.start}|${f.period?.end}|${f.date}`),
  );

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
    isoDay(activity.attributes["last-updated-datetime"]) ??
    isoDay(context.generated ?? root["generated-datetime"]);
  const source = (element: XmlElement) => ({
    title: (options.title ?? `IATI activity file, ${reportingName}`).slice(0, 500),
    kind: "dataset" as const,
    ...(reportingName === "unknown publisher" ? {} : { publisher: reportingName.slice(0, 200) }),
    ...(options.url ? { url: options.url } : {}),
    ...(published ? { published } : {}),
    locator: `iati-activity ${identifier}, <${element.name}> on line ${element.line}`.slice(0, 300),
  });
  const title = narrative(kid(activity, "title")) ?? identifier;
  const category = options.category ?? iatiCategory(activity);
  const confidence = options.confidence ?? "reported_by_donor";
  const dates = new Map(
    kids(activity, "activity-date").map((d) => [d.attributes.type, isoDay(d.attributes["iso-date"])]),
  );
  const periodStart = dates.get("2") ?? dates.get("1");
  const periodEnd = dates.get("4") ?? dates.get("3");
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
  const currencies = [...new Set(kept.map((f) => f.currency))];
  for (const currency of currencies) {
    const ofCurrency = kept.filter((f) => f.currency === currency);
    const commitmentId = `iati-${shortHash([identifier])}-${currency.toLowerCase().replace(/[^a-z0-9]/g, "")}`;
    // The line's size: what was committed; failing that the budgets, the planned disbursements, the disbursements.
    const sized =
      [
        ofCurrency.filter((f) => f.stage === "committed"),
        ofCurrency.filter((f) => f.kind === "budget"),
        ofCurrency.filter((f) => f.kind === "planned"),
        ofCurrency.filter((f) => f.stage === "delivered"),
      ].find((list) => list.length > 0) ?? [];
    const commitment = validate(
      commitmentSchema,
      {
        id: commitmentId,
        donor,
        recipient,
        title: title.length > 500 ? `${title.slice(0, 499)}…` : title,
        category,
        measure: { kind: "money", amount: sum(sized.map((f) => f.amount)), currency },
        ...(periodStart && periodEnd && compareDays(periodStart, periodEnd) <= 0
          ? { period: { start: periodStart, end: periodEnd } }
          : {}),
        sources: [source(activity)],
      },
      locate(ofCurrency[0]?.element ?? activity),
    );
    if (!commitment.ok) {
      problems.push(...commitment.problems);
      continue;
    }
    records.commitments.push(commitment.value as CommitmentRecord);
    const ids = new Map<string, number>();
    let position = 0;
    for (const figure of ofCurrency) {
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
  if (currencies.length === 0) {
    return {
      row,
      records,
      warnings: [
        {
          row,
          message: "nothing to import: no budgets, planned disbursements, commitments or disbursements",
        },
      ],
    };
  }
  return { row, records };
}
