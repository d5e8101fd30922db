import { describe, expect, it } from "vitest";
import { byClass, parseXml, textOf, XmlError } from "./xml.ts";

describe("parseXml, the tests' well-formedness check", () => {
  it("reads elements, attributes, text and references", () => {
    const root = parseXml(
      `<?xml version="1.0"?>\n<!-- c --><svg a="1" b='x &amp; &quot;y&quot;'><g class="k m">A &lt; B &#233;&#x20AC;</g><br/></svg>\n`,
    );
    expect(root.name).toBe("svg");
    expect(root.attributes).toEqual({ a: "1", b: 'x & "y"' });
    expect(byClass(root, "m").map(textOf)).toEqual(["A < B é€"]);
    expect(root.children.map((c) => (typeof c === "string" ? c : c.name))).toEqual(["g", "br"]);
  });

  it.each([
    ["an unclosed element", "<svg><g></svg>"],
    ["a mismatched end tag", "<svg></g>"],
    ["a raw ampersand", "<svg>a & b</svg>"],
    ["an unknown entity", "<svg>&nbsp;</svg>"],
    ["a raw < in an attribute", '<svg a="<"/>'],
    ["a repeated attribute", '<svg a="1" a="2"/>'],
    ["an unquoted attribute", "<svg a=1/>"],
    ["two roots", "<svg/><svg/>"],
    ["attributes run together", '<svg a="1"b="2"/>'],
    ["text after the root", "<svg/>text"],
  ])("rejects %s", (_, source) => {
    expect(() => parseXml(source)).toThrow(XmlError);
  });
});
