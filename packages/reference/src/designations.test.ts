import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { designationTable } from "./designations.ts";
import { starterFiles } from "./starter.ts";

const text = (name: string, encoding: BufferEncoding = "utf8") =>
  readFileSync(starterFiles.find((f) => f.name === name)?.path ?? "", encoding);
// Kiel's list entries "name (count)", and SIPRI's designations (column 7) of the register's deals with Ukraine.
const kielNames = new Set(
  [...text("kiel-release-29/weapons.csv").matchAll(/(?:^|"|; )([^";]+?) \(\d+\)/gm)].map((m) => m[1]),
);
const sipriNames = new Set(
  text("sipri/trade-register-ukraine.csv", "latin1")
    .split("\n")
    .filter((line) => line.startsWith("Ukraine,"))
    .map((line) => line.split(",")[6]),
);

describe("the table of designations", () => {
  it("names only entries that stand in the files, exactly as written there", () => {
    for (const entry of designationTable) {
      for (const name of entry.kiel) expect(kielNames, `${entry.id}: ${name}`).toContain(name);
      for (const name of entry.sipri) expect(sipriNames, `${entry.id}: ${name}`).toContain(name);
    }
  });

  it("gives each name to one system only, each system a note and a name on both sides", () => {
    const ids = designationTable.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const side of ["kiel", "sipri"] as const) {
      const names = designationTable.flatMap((e) => e[side]);
      expect(new Set(names).size, side).toBe(names.length);
    }
    for (const entry of designationTable) {
      expect(entry.kiel.length * entry.sipri.length, entry.id).toBeGreaterThan(0);
      expect(entry.note.length, entry.id).toBeGreaterThan(5);
    }
  });

  it("leaves Kiel's entries without a model unmatched rather than guessing", () => {
    const named = new Set(designationTable.flatMap((e) => e.kiel));
    for (const name of ["105mm howitzer", "overhauled T-72", "Bohdana self-propelled howitzer"]) {
      expect(kielNames).toContain(name);
      expect(named).not.toContain(name);
    }
  });
});
