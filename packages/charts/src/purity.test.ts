import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The renderer runs in the browser and on the server and must draw the same there: it may import only its own
// modules and the vocabulary's words (pure, as core's own purity test checks), and touch no DOM, process, clock,
// randomness or network. Nor may it spread an array into a call.
const allowedPackages = ["@commitments/core/vocabulary"];
function violations(text: string): string[] {
  const found: string[] = [];
  for (const [, specifier = ""] of text.matchAll(
    /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g,
  )) {
    if (!specifier.startsWith("./") && !allowedPackages.includes(specifier))
      found.push(`imports ${specifier}`);
  }
  for (const [name, pattern] of [
    ["document", /\bdocument\.\w/],
    ["window", /\bwindow\b/],
    ["process", /\bprocess(\.\w|\s*\[)/],
    ["fetch", /\bfetch\s*\(/],
    ["Date", /\bnew Date\b|\bDate\.now\b/],
    ["Math.random", /\bMath\.random\b/],
    ["Intl", /\bIntl\./],
    // Math.max(...values) and push(...items) pass an argument per item: a long series overflows the stack.
    ["a spread into a call", /[\w)]\s*\(\s*\.\.\./],
  ] as const) {
    if (pattern.test(text)) found.push(`uses ${name}`);
  }
  return found;
}

const srcDir = fileURLToPath(new URL(".", import.meta.url));
const sources = readdirSync(srcDir)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .sort();

describe("charts purity", () => {
  it("finds the sources", () => {
    expect(sources).toEqual(expect.arrayContaining(["index.ts", "render.ts", "format.ts", "labels.ts"]));
  });

  it.each(sources)("%s is pure", (file) => {
    expect(violations(readFileSync(join(srcDir, file), "utf8"))).toEqual([]);
  });

  it("the check catches what it is meant to catch", () => {
    expect(violations(`import { readFileSync } from "node:fs";`)).toEqual(["imports node:fs"]);
    expect(violations(`const w = document.body; new Date();`)).toEqual(["uses document", "uses Date"]);
    expect(violations(`import { x } from "./format.ts";`)).toEqual([]);
    expect(violations(`import { label } from "@commitments/core/vocabulary";`)).toEqual([]);
    // The vocabulary's module, not the whole of core, which would bring in zod.
    expect(violations(`import { Stage } from "@commitments/core";`)).toEqual(["imports @commitments/core"]);
    expect(violations(`const top = Math.max(...values); out.push( ...more);`)).toEqual([
      "uses a spread into a call",
    ]);
    expect(violations(`const all = [...values]; el("g", { ...attrs });`)).toEqual([]);
  });
});
