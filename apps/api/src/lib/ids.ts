import { randomBytes } from "node:crypto";

const maxSlug = 120;

/** Lower-case words joined by hyphens, accents dropped: "Accord de coopération" → "accord-de-cooperation". */
export function slugify(text: string, maxLength = 60): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // Cut at a word boundary where there is one, so ids stay readable.
  if (words.length <= maxLength) return words;
  const cut = words.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, maxLength)).replace(/-+$/, "");
}

/** Eight random base-36 characters: about 2.8 × 10¹² possibilities, so generated ids do not collide. */
function suffix(): string {
  return randomBytes(8)
    .reduce((s, byte) => s + (byte % 36).toString(36), "")
    .slice(0, 8);
}

/**
 * A fresh id for a record whose creator gave none: readable words from what it is, then a random suffix so
 * two records of the same title never collide. Falls back to `fallback` when the words leave nothing (a title
 * in Cyrillic, say).
 */
export function generateId(words: string, fallback: string): string {
  const end = `-${suffix()}`;
  const base = slugify(words, maxSlug - end.length) || fallback;
  return `${base.slice(0, maxSlug - end.length).replace(/-+$/, "")}${end}`;
}
