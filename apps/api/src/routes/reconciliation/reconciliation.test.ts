import { readFileSync } from "node:fs";
import {
  csvRecords,
  kielDataExplorerSums,
  kielParty,
  rawSipriDeals,
  sipriDonorOf,
} from "@commitments/importers/raw-files";
import { dataPath, haveData } from "@commitments/importers/testing";
import { designationTable } from "@commitments/reference";
import { beforeAll, describe, expect, it } from "vitest";
import { okJson, soleTestTarget, useApp } from "../../../test/testing.ts";
import { createLogger } from "../../lib/logger.ts";
import { loadStarterData } from "../../starter-data.ts";

// The publishers' whole files (../shared/data), read independently of the importers.
const raw = (name: string, encoding: BufferEncoding = "utf8") =>
  haveData ? readFileSync(dataPath(name), encoding) : "";
const explorer = raw("kiel-release-29/data_explorer.csv");
const weapons = csvRecords(raw("kiel-release-29/weapons.csv"));
const deals = haveData
  ? rawSipriDeals(raw("sipri/trade-register.csv", "latin1")).filter((d) => d.recipient === "Ukraine")
  : [];

// Kiel's weapons file names donors by country; its data_explorer gives each country's ISO code.
const partyOfCountry = new Map(csvRecords(explorer).map((r) => [r.country ?? "", kielParty(r.iso ?? "")]));
/** The five donors with the largest military allocations in the release. */
const largest = [...kielDataExplorerSums(explorer)]
  .sort(([, a], [, b]) => Number(b.allocated.military) - Number(a.allocated.military))
  .slice(0, 5)
  .map(([donor]) => donor);
const categories = ["Howitzers", "Tanks", "Air Defense"];

/** Kiel's count of each listed item per donor, from the raw weapons file. */
function kielCount(donor: string, items: readonly string[]): number | null {
  let found = false;
  let n = 0;
  for (const row of weapons) {
    if (partyOfCountry.get(row.donor ?? "") !== donor) continue;
    for (const part of (row.weapons_list ?? "").split(/\s*;\s*/)) {
      const match = /^(.*?)\s*\((\d+)\)$/.exec(part);
      if (match && items.includes(match[1] as string)) {
        found = true;
        n += Number(match[2]);
      }
    }
  }
  return found ? n : null;
}

/** SIPRI's ordered (the delivered number where none is given) and delivered counts of the designations. */
function sipriCount(donor: string, designations: readonly string[]) {
  const mine = deals.filter((d) => sipriDonorOf(d) === donor && designations.includes(d.designation));
  if (mine.length === 0) return null;
  return {
    ordered: mine.reduce((n, d) => n + (d.ordered ?? d.delivered), 0),
    delivered: mine.reduce((n, d) => n + d.delivered, 0),
  };
}

describe.skipIf(!haveData).each(soleTestTarget())(
  "the reconciliation of Kiel and SIPRI on $name",
  (target) => {
    const ctx = useApp(target);
    beforeAll(async () => {
      await loadStarterData(ctx.database.db, createLogger("silent"));
    }, 600_000);

    it("sets the howitzers, tanks and air defence of the five largest donors side by side as both files count them", async () => {
      expect(largest).toEqual(expect.arrayContaining(["US", "DE", "GB"]));
      const { data } = await okJson(await ctx.client.v1.reconciliation.$get({ query: {} }));
      let compared = 0;
      let differences = 0;
      for (const donor of largest) {
        for (const entry of designationTable.filter((e) => categories.includes(e.kielCategory))) {
          const kiel = kielCount(donor, entry.kiel);
          const sipri = sipriCount(donor, entry.sipri);
          const row = data.systems.find((s) => s.donor === donor && s.system.id === entry.id);
          if (kiel === null && sipri === null) {
            expect(row, `${donor} ${entry.id}`).toBeUndefined();
            continue;
          }
          compared++;
          expect(row?.kiel?.count ?? null, `${donor} ${entry.id}: Kiel`).toBe(kiel);
          expect(row?.sipri ? { ordered: row.sipri.ordered, delivered: row.sipri.delivered } : null).toEqual(
            sipri,
          );
          const status =
            kiel === null
              ? "only_sipri"
              : sipri === null
                ? "only_kiel"
                : kiel === sipri.delivered
                  ? "agree"
                  : "differ";
          expect(row?.status, `${donor} ${entry.id}`).toBe(status);
          if (status === "differ") {
            differences++;
            // A mismatch reported is one in the files: the two counts differ there.
            expect(row?.difference).toBe((kiel as number) - (sipri as { delivered: number }).delivered);
            expect(row?.difference).not.toBe(0);
          }
        }
      }
      expect(compared).toBeGreaterThan(15);
      expect(differences).toBeGreaterThan(0);
    });

    it("lists every Kiel entry of those donors that no system names as unmatched, with its count from the file", async () => {
      const { data } = await okJson(await ctx.client.v1.reconciliation.$get({ query: {} }));
      const named = new Set(designationTable.flatMap((e) => e.kiel));
      for (const donor of largest) {
        const expected = new Map<string, number>();
        for (const row of weapons.filter((r) => partyOfCountry.get(r.donor ?? "") === donor)) {
          for (const part of (row.weapons_list ?? "").split(/\s*;\s*/)) {
            const match = /^(.*?)\s*\((\d+)\)$/.exec(part);
            if (match && !named.has(match[1] as string))
              expected.set(match[1] as string, (expected.get(match[1] as string) ?? 0) + Number(match[2]));
          }
        }
        const got = new Map(
          data.unmatched.kiel.filter((k) => k.donor === donor).map((k) => [k.item, k.count]),
        );
        expect(got, donor).toEqual(expected);
      }
      // The US's unnamed 105 mm howitzers and overhauled T-72s stay unmatched rather than guessed into a system.
      expect(data.unmatched.kiel.filter((k) => k.donor === "US").map((k) => k.item)).toEqual(
        expect.arrayContaining(["105mm howitzer", "overhauled T-72"]),
      );
      // SIPRI's deals financed jointly stay apart from any one donor's.
      expect(data.systems.some((s) => s.donor === "JOINT")).toBe(true);
      expect(data.sources.map((s) => s.id)).toEqual(["kiel", "sipri"]);
    });

    it("answers for one donor, and refuses a malformed one naming the field", async () => {
      const { data } = await okJson(await ctx.client.v1.reconciliation.$get({ query: { donor: "GB" } }));
      expect(new Set(data.systems.map((s) => s.donor))).toEqual(new Set(["GB"]));
      const response = await ctx.app.request("/v1/reconciliation?donor=gb!");
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("donor");
    });
  },
);
