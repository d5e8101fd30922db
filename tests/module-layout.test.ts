import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./server.ts";

/*
 * Modules of one job each, which the next engineer can find their way in: no source file of 600 lines or more
 * (production, test and styles alike), and no import cycle among the files of any package's or app's src. A cycle
 * means two modules that cannot be understood, or loaded, one without the other.
 */

const maxLines = 600;
const sourceFile = /\.(ts|tsx|mts|mjs|js|css)$/;
/** Folders that hold no source of ours: installed, built or generated. */
const skipped = new Set(["node_modules", "dist", "build", "coverage", ".turbo", "drizzle", "migrations"]);

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (skipped.has(name) || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else if (sourceFile.test(name)) yield path;
  }
}

/** Every package and app: packages/*, apps/*, and the cross-package tests. */
const workspaces = ["packages", "apps"].flatMap((group) =>
  readdirSync(join(repoRoot, group))
    .map((name) => join(repoRoot, group, name))
    .filter((path) => existsSync(join(path, "package.json"))),
);

const rel = (path: string) => relative(repoRoot, path);

describe("modules of one job each", () => {
  it("has no source file of 600 lines or more", () => {
    const long: string[] = [];
    for (const root of [...workspaces, join(repoRoot, "tests")]) {
      for (const file of filesUnder(root)) {
        const text = readFileSync(file, "utf8");
        // Lines as wc counts them: a last line without its line break counts too.
        const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
        if (lines >= maxLines) long.push(rel(file));
      }
    }
    expect(long.sort()).toEqual([]);
  });

  it("finds a cycle where there is one, and none in any package's or app's src", () => {
    const cycles: string[] = [];
    for (const root of workspaces) {
      const src = join(root, "src");
      if (existsSync(src)) cycles.push(...cyclesIn(src));
    }
    expect(cycles.sort()).toEqual([]);
    // The search itself: a → b → a is a cycle.
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["a"]],
      ["c", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "a"]]);
  });
});

/** The relative imports of a file (static, dynamic and re-exports), resolved to files. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((spec) => spec.startsWith("."))
    .map((spec) => resolveImport(dirname(file), spec))
    .filter((path): path is string => path !== undefined);
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(from, spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

function cyclesIn(src: string): string[] {
  const graph = new Map<string, string[]>();
  for (const file of filesUnder(src)) {
    if (/\.(ts|tsx|mts)$/.test(file)) graph.set(file, importsOf(file));
  }
  return findCycles(graph).map((cycle) => cycle.map(rel).join(" → "));
}

/** Each cycle once, found by depth-first search: the path from a module back to itself. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (node: string) => {
    if (onPath.has(node)) {
      cycles.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    if (done.has(node)) return;
    onPath.add(node);
    path.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    path.pop();
    onPath.delete(node);
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) visit(node);
  return cycles;
}
