import fc from "fast-check";
import { formula, hugeCell, join, junkText, type Lines, linesOf, type TextFault } from "./text-faults.ts";

/* Hostile XML for hostile-imports.test.ts: bombs, external entities, DOCTYPEs, deep nesting, malformed markup. */

// --- XML ------------------------------------------------------------------------------------------------------

export const bomb = (levels: number) => {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= levels; i++) {
    entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
  }
  return { doctype: `<!DOCTYPE iati-activities [${entities.join("")}]>`, reference: `&lol${levels};` };
};

/** Declarations and references that would expand, fetch or read something, were any of them honoured. */
export const xmlAttacks = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((levels) => ({ name: "billion laughs", ...bomb(levels) })),
  fc
    .constantFrom(
      '<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "http://127.0.0.1:1/evil">]>',
      '<!DOCTYPE iati-activities [<!ENTITY xxe PUBLIC "-//X//Y" "https://example.invalid/x.dtd">]>',
      '<!DOCTYPE iati-activities [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
      '<!DOCTYPE iati-activities SYSTEM "http://127.0.0.1:1/iati.dtd">',
      '<!doctype iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      "<!DOCTYPE iati-activities>",
      '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
    )
    .map((doctype) => ({ name: "an external entity", doctype, reference: "&xxe;" })),
  fc
    .constantFrom("&xxe;", "&lol9;", "&passwd;", "&#0;", "&#xD800;", "&#x110000;", "&amp", "&;", "&#;")
    .map((reference) => ({ name: "an undeclared entity", doctype: "", reference })),
);

/** Positions between two tags of an XML text (after a ">"), where an element or text may go. */
export function tagEnds(xml: string): number[] {
  const ends: number[] = [];
  for (let i = xml.indexOf(">"); i !== -1; i = xml.indexOf(">", i + 1)) ends.push(i + 1);
  return ends;
}

export function xmlFaults(xml: string): fc.Arbitrary<TextFault>[] {
  const ends = tagEnds(xml);
  const declarationEnd = xml.indexOf("?>") + 2;
  const at = fc.constantFrom(...ends);
  const insert = (position: number, what: string) => (file: Lines) => {
    const text = join(file).slice(0, -file.eol.length);
    return linesOf(text.slice(0, position) + what + text.slice(position), 0);
  };
  const asText = (name: string, change: (text: string) => string): TextFault => ({
    name,
    apply: (file: Lines) => linesOf(change(join(file).slice(0, -file.eol.length)), 0),
  });
  return [
    // The declaration where it does harm: before the root, with its reference inside an activity.
    fc.tuple(xmlAttacks, at).map(([attack, position]) =>
      asText(attack.name, (text) => {
        const withReference = text.slice(0, position) + attack.reference + text.slice(position);
        return withReference.slice(0, declarationEnd) + attack.doctype + withReference.slice(declarationEnd);
      }),
    ),
    fc.tuple(fc.integer({ min: 50, max: 100_000 }), at).map(([depth, position]) => ({
      name: "deeply nested elements",
      apply: insert(position, `${"<x>".repeat(depth)}text${"</x>".repeat(depth)}`),
    })),
    fc
      .tuple(
        at,
        fc.constantFrom(
          "<a>",
          "</nope>",
          "<a b=c>",
          '<a b="1" b="2"/>',
          "<",
          "<<",
          "]]>",
          "<!-- -- -->",
          "<?xml version='1.0'?>",
          "\u0001",
          "\u0000",
          "<a:b:c/>",
          "</iati-activities>",
          "<iati-activities>",
          "<![CDATA[",
          "&",
        ),
      )
      .map(([position, junk]) => ({ name: "malformed XML", apply: insert(position, junk) })),
    fc
      .tuple(at, hugeCell)
      .map(([position, text]) => ({ name: "a huge text node", apply: insert(position, text) })),
    fc.tuple(at, hugeCell).map(([position, text]) => ({
      name: "a huge attribute",
      apply: insert(position, `<narrative a="${text}">x</narrative>`),
    })),
    fc.tuple(at, fc.oneof(junkText, formula)).map(([position, text]) => ({
      name: "junk text",
      apply: insert(position, text.replace(/[<&]/g, "")),
    })),
    fc
      .tuple(
        at,
        fc.oneof(junkText, formula, fc.constantFrom("1e309", "-5", "NaN", "9".repeat(40), "1.2.3")),
        fc.constantFrom(
          "value",
          "period-start",
          "period-end",
          "iati-identifier",
          "transaction-date",
          "budget",
        ),
      )
      .map(([_, value, element]) =>
        asText(`a junk <${element}>`, (text) =>
          text.replace(
            new RegExp(`(<${element}[^>]*>)[^<]*`),
            (_m, open: string) => `${open}${value.replace(/[<&]/g, "")}`,
          ),
        ),
      ),
    fc
      .constantFrom("UTF-16", "ISO-8859-1", "x-junk", "EBCDIC-US", "UTF-7", "utf-32")
      .map((declared) =>
        asText(`declared ${declared}`, (text) => text.replace(/encoding='[^']*'/, `encoding='${declared}'`)),
      ),
  ];
}
