import { expect } from "vitest";
import type { z } from "zod";

/** Checks of the core schemas, shared by their test files. */
export type Path = (string | number)[];

/**
 * The distinct paths of the issues a schema raises; fails the test if it accepts the value. Distinct, because
 * a value can break two checks at one path (a pattern and a refinement), which says nothing more about where.
 */
export function issuePaths(schema: z.ZodType, value: unknown): Path[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be rejected`);
  const paths = result.error.issues.map((issue) => issue.path as Path);
  return [...new Map(paths.map((path) => [JSON.stringify(path), path])).values()];
}

export function expectValid(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.error?.issues ?? []).toEqual([]);
}

export const source = {
  title: "Agreement on Security Co-operation between the United Kingdom and Ukraine",
  kind: "official",
  publisher: "UK Government",
  url: "https://www.gov.uk/government/publications/uk-ukraine-agreement-on-security-co-operation",
  published: "2024-01-12",
  locator: "Part I, §1",
} as const;
export const sources = [source];
