import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Core is shared by the API, the database loader and the web app, and runs in the browser: it must do no I/O.
const forbiddenModules = ["fs", "path", "hono", "drizzle-orm", "pg", "@electric-sql/pglite"];

/** What in a source text would make core impure: imports of I/O modules, the process, the network. */
function violations(text: string): string[] {
  const found: string[] = [];
  const specifiers = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g);
  for (const [, specifier = ""] of specifiers) {
    const forbidden =
      specifier.startsWith("node:") ||
      forbiddenModules.some((name) => specifier === name || specifier.startsWith(`${name}/`));
    if (forbidden) found.push(`imports ${specifier}`);
  }
  // "process." at the end of a sentence in a comment is prose; "process.env" or "process[" is code.
  if (/\bprocess(\.\w|\s*\[)/.test(text)) found.push("uses process");
  if (/\bfetch\s*\(/.test(text)) found.push("calls fetch(");
  return found;
}

const srcDir = fileURLToPath(new URL(".", import.meta.url));
const sourceFiles = readdirSync(srcDir, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .sort();

describe("core purity", () => {
  it("finds the core sources", () => {
    expect(sourceFiles).toEqual(expect.arrayContaining(["index.ts", "gradation.ts", "money.ts", "dates.ts"]));
  });

  it.each(sourceFiles)("%s does no I/O", (file) => {
    expect(violations(readFileSync(join(srcDir, file), "utf8"))).toEqual([]);
  });

  it("the check catches what it is meant to catch", () => {
    expect(violations(`import { readFileSync } from "node:fs";`)).toEqual(["imports node:fs"]);
    expect(violations(`import fs from "fs";`)).toEqual(["imports fs"]);
    expect(violations(`import { promises } from 'fs/promises';`)).toEqual(["imports fs/promises"]);
    expect(violations(`import { join } from "path";`)).toEqual(["imports path"]);
    expect(violations(`import { Hono } from "hono";`)).toEqual(["imports hono"]);
    expect(violations(`import { cors } from "hono/cors";`)).toEqual(["imports hono/cors"]);
    expect(
      violations(`import { sql } from "drizzle-orm";\nimport { pgTable } from "drizzle-orm/pg-core";`),
    ).toEqual(["imports drizzle-orm", "imports drizzle-orm/pg-core"]);
    expect(violations(`import pg from "pg";`)).toEqual(["imports pg"]);
    expect(violations(`import { PGlite } from "@electric-sql/pglite";`)).toEqual([
      "imports @electric-sql/pglite",
    ]);
    expect(violations(`export * from "node:crypto";`)).toEqual(["imports node:crypto"]);
    expect(violations(`const m = await import("node:os");`)).toEqual(["imports node:os"]);
    expect(violations(`import "node:process";`)).toEqual(["imports node:process"]);
    expect(violations(`const fs = require("fs");`)).toEqual(["imports fs"]);
    expect(violations(`const key = process.env.KEY;`)).toEqual(["uses process"]);
    expect(violations(`const key = process["env"];`)).toEqual(["uses process"]);
    expect(violations(`const res = await fetch("https://example.org");`)).toEqual(["calls fetch("]);
  });

  it("the check lets pure code through", () => {
    expect(violations(`import { z } from "zod";\nimport Big from "big.js";`)).toEqual([]);
    expect(violations(`import { Money } from "./money.ts";\nimport { paths } from "./paths.ts";`)).toEqual(
      [],
    );
    expect(violations(`import { pgSomething } from "pgx";\nimport { x } from "hono-like";`)).toEqual([]);
    expect(violations(`// Commitments move through a process. Delivery is the last step.`)).toEqual([]);
    expect(violations(`const prefetch = 1; const refetch = (x: number) => x;`)).toEqual([]);
  });
});
