/**
 * A minimal XML reader, for tests: it checks that a document is well formed (one root, every tag closed in order,
 * attributes quoted and not repeated, every "&" a known entity or character reference, no "<" in text or values)
 * and gives the element tree, so tests look at elements and attributes rather than match the text.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const nameStart = /[A-Za-z_:]/;
const nameChar = /[A-Za-z0-9_:.-]/;
const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export class XmlError extends Error {}

export function parseXml(source: string): XmlElement {
  let at = 0;
  const fail = (message: string): never => {
    throw new XmlError(`${message} at offset ${at}`);
  };
  const skipSpace = () => {
    while (at < source.length && " \t\r\n".includes(source[at] as string)) at++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith("<!--", at)) {
        const end = source.indexOf("-->", at + 4);
        if (end < 0) fail("unclosed comment");
        at = end + 3;
      } else if (source.startsWith("<?", at)) {
        const end = source.indexOf("?>", at + 2);
        if (end < 0) fail("unclosed processing instruction");
        at = end + 2;
      } else return;
    }
  };
  const readName = (): string => {
    const start = at;
    if (!nameStart.test(source[at] ?? "")) fail("expected a name");
    while (at < source.length && nameChar.test(source[at] as string)) at++;
    return source.slice(start, at);
  };
  /** Text up to `stop`, with its references decoded; a raw "<" in it is an error. */
  const readText = (stop: string): string => {
    let out = "";
    while (at < source.length && source[at] !== stop) {
      const ch = source[at] as string;
      if (ch === "<") fail('"<" in text or attribute value');
      if (ch === "&") {
        const end = source.indexOf(";", at);
        if (end < 0) fail('"&" without ";"');
        const ref = source.slice(at + 1, end);
        if (ref.startsWith("#x") && /^#x[0-9A-Fa-f]+$/.test(ref))
          out += String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
        else if (ref.startsWith("#") && /^#\d+$/.test(ref)) out += String.fromCodePoint(Number(ref.slice(1)));
        else if (Object.hasOwn(entities, ref)) out += entities[ref];
        else fail(`unknown reference "&${ref};"`);
        at = end + 1;
      } else {
        out += ch;
        at++;
      }
    }
    return out;
  };
  const readElement = (): XmlElement => {
    if (source[at] !== "<") fail('expected "<"');
    at++;
    const element: XmlElement = { name: readName(), attributes: {}, children: [] };
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith("/>", at)) {
        at += 2;
        return element;
      }
      if (source[at] === ">") {
        at++;
        break;
      }
      if (at === before) fail("expected a space before an attribute");
      const name = readName();
      if (Object.hasOwn(element.attributes, name)) fail(`repeated attribute "${name}"`);
      skipSpace();
      if (source[at] !== "=") fail('expected "="');
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail("expected a quoted value");
      at++;
      element.attributes[name] = readText(quote as string);
      if (at >= source.length) fail("unclosed attribute value");
      at++;
    }
    for (;;) {
      if (at >= source.length) fail(`unclosed <${element.name}>`);
      if (source.startsWith("</", at)) {
        at += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}>`);
        skipSpace();
        if (source[at] !== ">") fail('expected ">"');
        at++;
        return element;
      }
      if (source.startsWith("<!--", at)) {
        const end = source.indexOf("-->", at + 4);
        if (end < 0) fail("unclosed comment");
        at = end + 3;
      } else if (source[at] === "<") element.children.push(readElement());
      else element.children.push(readText("<"));
    }
  };

  skipMisc();
  const root = readElement();
  skipMisc();
  if (at !== source.length) fail("content after the root element");
  return root;
}

/** Every element under `root` (itself included) that `test` accepts, in document order. */
export function findAll(root: XmlElement, test: (element: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    if (test(element)) found.push(element);
    for (const child of element.children) if (typeof child !== "string") visit(child);
  };
  visit(root);
  return found;
}

/** The elements whose class attribute holds `className`. */
export function byClass(root: XmlElement, className: string): XmlElement[] {
  return findAll(root, (e) => (e.attributes.class ?? "").split(" ").includes(className));
}

/** The text of an element and everything in it, its `<title>` hover texts left out. */
export function textOf(element: XmlElement): string {
  return element.children
    .map((child) => (typeof child === "string" ? child : child.name === "title" ? "" : textOf(child)))
    .join("");
}
