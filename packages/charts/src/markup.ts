import { coord, escapeXml } from "./format.ts";
import type { Look } from "./style.ts";

/*
 * SVG markup as text: elements with escaped attributes and content, every coordinate printed with one decimal.
 */

/** Numbers are coordinates, printed with one decimal; anything else (opacities) is given as a string. */
export type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === "number" ? coord(value) : escapeXml(value)}"`;
  }
  return out;
}

export function el(name: string, attrs: Attributes, content?: string): string {
  return content === undefined
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

export function text(x: number, y: number, content: string, attrs: Attributes = {}): string {
  return el("text", { x, y, ...attrs }, escapeXml(content));
}

/** A hover text: the `<title>` child browsers show as a tooltip and screen readers read. */
export function hover(content: string): string {
  return el("title", {}, escapeXml(content));
}

/** Ids made only of characters that are safe in an id and in url(#…), starting with a letter. */
export function safeIdPrefix(prefix: string | undefined): string {
  const cleaned = (prefix ?? "chart").replace(/[^A-Za-z0-9_-]/g, "-");
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `c-${cleaned}`;
}

/** "~" over an estimated figure, "!" over a disputed one. */
export function markText(
  x: number,
  y: number,
  flag: "estimated" | "disputed",
  className: string,
  look: Look,
): string {
  return text(x, y, flag === "estimated" ? "~" : "!", {
    // The tilde is a small glyph: larger, so it reads as clearly as the "!".
    "font-size": flag === "estimated" ? 16 : 13,
    "font-weight": "bold",
    fill: flag === "disputed" ? look.disputed : look.ink,
    "text-anchor": "middle",
    class: className,
  });
}

/** Diagonal stripes of the colour on the ground: the fill of a synthetic bar. */
export function hatchPattern(patternId: string, colour: string, opacity: number, look: Look): string {
  return el(
    "pattern",
    { id: patternId, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
    el("rect", { width: 6, height: 6, fill: look.ground }) +
      el("rect", {
        width: 3,
        height: 6,
        fill: colour,
        "fill-opacity": opacity === 1 ? undefined : String(opacity),
      }),
  );
}
