import { SaxesParser, type SaxesTagPlain } from "saxes";
import { byteChunks, excerpt } from "./text.ts";
import { type ByteSource, defaultMaxCellLength, type ImportItem, type ImportProblem } from "./types.ts";

/*
 * IATI XML read as a stream, one activity at a time: each activity becomes a small tree, is handed to the caller
 * whole and then dropped. Hostile files are stopped early: DOCTYPE and ENTITY declarations are refused outright and
 * entities never expanded (so XML bombs and external entities cannot work), and texts, tokens, nesting and the
 * elements of one activity are capped.
 */

export interface XmlLimits {
  /** The longest text node accepted, in characters. */
  maxCellLength?: number;
  /** Most elements an activity may have. Default 200,000. */
  maxActivityElements?: number;
}

/** The attributes of the root element (iati-activities, or a lone iati-activity). */
export type IatiRoot = Record<string, string>;

// ---------------------------------------------------------------------------------------------------------------
// A small tree per activity: an activity is read whole, one at a time, and dropped once turned into records.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export function kids(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function kid(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** The element's text: its English (or only) narrative in IATI 2.0x, its own text in 1.0x. */
export function narrative(element: XmlElement | undefined, lang = "en"): string | undefined {
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
 * Every activity of the file, turned into an item by `toItem`; an activity with bytes the declared encoding cannot
 * read is a problem item. A problem that stops the reading (not well-formed XML, a declaration, a cap exceeded)
 * ends the items with one saying where reading stopped.
 */
export async function* readIatiActivities(
  input: ByteSource,
  limits: XmlLimits,
  toItem: (activity: XmlElement, root: IatiRoot) => ImportItem,
): AsyncGenerator<ImportItem> {
  const maxText = limits.maxCellLength ?? defaultMaxCellLength;
  const maxElements = limits.maxActivityElements ?? 200_000;
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
      queue.push(
        activityProblems.length > 0
          ? { row: activity.line, problems: activityProblems }
          : toItem(activity, root ?? {}),
      );
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
