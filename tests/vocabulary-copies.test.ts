import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { vocabulary, vocabularyEntries } from "@commitments/core/vocabulary";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./server.ts";

/*
 * The vocabulary (packages/core/src/vocabulary) is the one place the tracker's terms are worded. This test reads
 * every other source file of the packages and apps and fails when one holds a vocabulary word as a string of its
 * own: a copy that would drift from the vocabulary, as the copies of "committed" and "rockets" did. Strings are
 * read with TypeScript's own parser, so comments, identifiers and ids are not taken for words.
 */

const fold = (text: string) => text.trim().toLocaleLowerCase();

/** Every label, heading, money label and description of the vocabulary, folded, with the id it belongs to. */
const vocabularyWords = new Map<string, string>();
for (const e of vocabularyEntries()) {
  if (!vocabularyWords.has(fold(e.text)))
    vocabularyWords.set(fold(e.text), `${e.family}.${e.id} ${e.lang} ${e.field}`);
}
/** Ids are code, not words: "training" the id is not a copy of "Training" the label. */
const ids = new Set(Object.values(vocabulary).flatMap((family) => [...family.ids] as string[]));
const families = Object.entries(vocabulary).map(([name, family]) => ({
  name,
  ids: new Set<string>(family.ids),
}));

/** A property's name as written, whether an identifier or a string: `pledged:` or `"funding.loans":`. */
const nameOf = (name: ts.PropertyName) =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
/** A string that reads as words, not as code: not an id, not a lower-case name such as "record.submit". */
const isWords = (node: ts.Node) =>
  (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
  !/^[a-z0-9_.:-]*$/.test(node.text);

/**
 * An object that gives words to two or more ids of one family — `{ rounds: "боєприпаси", missiles: "ракети" }` —
 * is a table of that family's labels, whatever its words: the way one id came to be labelled twice.
 */
function labelTables(node: ts.ObjectLiteralExpression): string[] {
  const worded = node.properties
    .filter((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && isWords(p.initializer))
    .map((p) => nameOf(p.name))
    .filter((name): name is string => name !== undefined);
  return families
    .map(({ name, ids }) => ({ name, keys: worded.filter((key) => ids.has(key)) }))
    .filter(({ keys }) => keys.length >= 2)
    .map(({ name, keys }) => `${name}: ${keys.join(", ")}`);
}

interface Copy {
  file: string;
  line: number;
  text: string;
  of: string;
}

/** The strings and JSX texts of one source file that are words of the vocabulary, and its tables of labels. */
function copiesIn(file: string, source: string): Copy[] {
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Copy[] = [];
  const at = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const table of labelTables(node))
        found.push({ file, line: at(node), text: table, of: "a table of labels" });
    }
    const text =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)
        ? node.text
        : undefined;
    if (text !== undefined && text.trim() !== "" && !ids.has(text)) {
      const of = vocabularyWords.get(fold(text));
      if (of) found.push({ file, line: at(node), text: text.trim(), of });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The non-test sources of every package and app, but the vocabulary's own. */
function sourceFiles(root: string): string[] {
  const files: string[] = [];
  for (const group of ["packages", "apps"]) {
    let names: string[];
    try {
      names = readdirSync(join(root, group));
    } catch {
      continue;
    }
    for (const name of names) {
      const src = join(root, group, name, "src");
      let entries: string[];
      try {
        entries = readdirSync(src, { recursive: true, encoding: "utf8" });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const path = join(src, entry);
        const rel = relative(root, path).split("\\").join("/");
        if (!/\.tsx?$/.test(rel) || /\.test\.tsx?$/.test(rel)) continue;
        if (rel.startsWith("packages/core/src/vocabulary/")) continue;
        files.push(rel);
      }
    }
  }
  return files.sort();
}

function copiesUnder(root: string): Copy[] {
  return sourceFiles(root).flatMap((file) => copiesIn(file, readFileSync(join(root, file), "utf8")));
}

/**
 * Strings that are a vocabulary word but not a copy of one, each with why. The test fails if one is no longer
 * there, so the list cannot outlive its reasons.
 */
const notCopies: { file: string; text: string; why: string }[] = [
  {
    file: "packages/core/src/gradation.ts",
    text: "arms supply",
    why: "one of Table 1's own examples of security cooperation, quoted as the table gives it",
  },
  {
    file: "packages/core/src/money.ts",
    text: "Money",
    why: "the schema's id in the JSON Schema files, not a word shown",
  },
  {
    file: "packages/reference/src/agreements/common.ts",
    text: "Most credible and enforceable commitments, involving legal obligations and military presence.",
    why: "Table 1's own words, quoted as the source of a classification",
  },
  {
    file: "packages/reference/src/synthetic.ts",
    text: "infantry fighting vehicles",
    why: "the item designation of synthetic demo records, as a source would write it",
  },
  {
    file: "packages/reference/src/synthetic.ts",
    text: "armoured personnel carriers",
    why: "the item designation of synthetic demo records, as a source would write it",
  },
  {
    file: "packages/importers/src/kiel-weapons.ts",
    text: "air defence",
    why: "the Kiel Institute's own words for a weapon type, read from its files",
  },
  {
    file: "packages/reference/src/designations.ts",
    text: "Tanks",
    why: "the Kiel Institute's own category of its weapons file, which the table of designations names as written",
  },
  {
    file: "packages/db/src/series/read.ts",
    text: "read only",
    why: "a transaction's access mode, not the token scope",
  },
  {
    file: "packages/charts/src/labels.ts",
    text: "Per year",
    why: "a chart's bars for each year (an interval), not the measure basis of a promise",
  },
  {
    file: "apps/web/src/account/messages.ts",
    text: "Expired",
    why: "an API token's state, not an agreement's status («Строк сплив», not «Строк дії сплив»)",
  },
  {
    file: "apps/web/src/ladder/messages.ts",
    text: "Signed",
    why: "the heading of an agreement's signing date («Підписано»), not its status («Підписана»)",
  },
];

describe("the vocabulary's words outside the vocabulary", () => {
  const files = sourceFiles(repoRoot);
  const copies = copiesUnder(repoRoot);
  const excused = (c: Copy) => notCopies.some((n) => n.file === c.file && n.text === c.text);

  it("reads the sources of every package and app", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "apps/web/src/workspace/messages.ts",
        "apps/web/src/commitments/CommitmentPage.tsx",
        "packages/charts/src/labels.ts",
        "apps/api/src/routes/exports/exports.columns.ts",
        "packages/core/src/gradation.ts",
      ]),
    );
    expect(files.some((f) => f.startsWith("packages/core/src/vocabulary/"))).toBe(false);
  });

  it("finds none: every label and description is the vocabulary's own", () => {
    expect(
      copies.filter((c) => !excused(c)).map((c) => `${c.file}:${c.line} "${c.text}" copies ${c.of}`),
    ).toEqual([]);
  });

  it("excuses only strings that are still there", () => {
    for (const n of notCopies)
      expect(
        copies.some((c) => c.file === n.file && c.text === n.text),
        n.file,
      ).toBe(true);
  });

  describe("finds a planted copy", () => {
    const root = mkdtempSync(join(tmpdir(), "vocabulary-copies-"));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const plant = (path: string, text: string) => {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    plant(
      "apps/web/src/charts/messages.ts",
      [
        '// A comment may say «Реактивні снаряди» and «Взято зобов’язання»; an id such as "delivered" is code.',
        'const stage = "delivered";',
        'export const rockets = { label: "Реактивні снаряди" };',
        "export const stages = { committed: `взято зобов’язання` };",
      ].join("\n"),
    );
    plant("packages/charts/src/Legend.tsx", 'export const L = () => <span title="x"> Disbursed </span>;\n');
    plant(
      "packages/db/src/units.ts",
      [
        "// Words of their own for the units, as the web's copy had: «техніка» where the vocabulary says «машини».",
        'export const units = { rounds: "снаряди", vehicles: "техніка", other: "Інше" };',
        'export const steps = { draft: "record.submit", submitted: "record.publish" };',
        'export const one = { rounds: "снаряди" };',
      ].join("\n"),
    );
    plant("packages/charts/src/Legend.test.tsx", "export const T = () => <span>Disbursed</span>;\n");
    plant("packages/core/src/vocabulary/flow.ts", 'export const stage = "Disbursed";\n');

    it("in strings, JSX text and tables of labels; never in comments, ids, code, tests or the vocabulary", () => {
      expect(copiesUnder(root)).toEqual([
        {
          file: "apps/web/src/charts/messages.ts",
          line: 3,
          text: "Реактивні снаряди",
          of: "category.ammunition.rockets uk label",
        },
        {
          file: "apps/web/src/charts/messages.ts",
          line: 4,
          text: "взято зобов’язання",
          of: "stage.committed uk label",
        },
        {
          file: "packages/charts/src/Legend.tsx",
          line: 1,
          text: "Disbursed",
          of: "stage.delivered en moneyLabel",
        },
        {
          file: "packages/db/src/units.ts",
          line: 2,
          text: "quantityUnit: rounds, vehicles",
          of: "a table of labels",
        },
      ]);
    });
  });
});
