import { type KielCount, reconcile, type SipriCount } from "@commitments/core";
import { readItemFigures, seriesSources } from "@commitments/db";
import { kielWeaponCategories } from "@commitments/importers";
import { designationTable } from "@commitments/reference";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import type { getReconciliation } from "./reconciliation.routes.ts";

// SIPRI's entries are compared within the tracker categories Kiel's heavy-weapons list is filed under.
const heavyCategories = new Set<string>(Object.values(kielWeaponCategories));
const systemOf = new Map(designationTable.map((e) => [e.id, e]));

export const get: AppRouteHandler<typeof getReconciliation> = async (c) => {
  const { donor, asOf } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const [items, sources, meta] = await Promise.all([
    readItemFigures(db, { donor, asOf: at, sources: ["kiel", "sipri"] }),
    seriesSources(db, ["kiel", "sipri"], at),
    readMeta(db, at),
  ]);
  const category = new Map<string, string>();
  const kiel: KielCount[] = [];
  const sipri = new Map<string, SipriCount>();
  for (const i of items) {
    const locators = i.records.map((r) => r.locator ?? r.id);
    if (i.source === "kiel") {
      kiel.push({ donor: i.donor, item: i.item, count: Number(i.count), locators });
      category.set(`kiel\u0000${i.donor}\u0000${i.item}`, i.category);
    } else if (heavyCategories.has(i.category)) {
      const key = `${i.donor}\u0000${i.item}`;
      const entry = sipri.get(key) ?? {
        donor: i.donor,
        designation: i.item,
        ordered: 0,
        delivered: 0,
        locators,
      };
      if (i.stage === "committed") entry.ordered += Number(i.count);
      if (i.stage === "delivered") entry.delivered += Number(i.count);
      sipri.set(key, entry);
      category.set(`sipri\u0000${key}`, i.category);
    }
  }
  const result = reconcile(designationTable, kiel, [...sipri.values()]);
  const withKiel = (k: KielCount) => ({
    ...k,
    locators: [...k.locators],
    category: category.get(`kiel\u0000${k.donor}\u0000${k.item}`) ?? "",
  });
  const withSipri = (s: SipriCount) => ({
    ...s,
    locators: [...s.locators],
    category: category.get(`sipri\u0000${s.donor}\u0000${s.designation}`) ?? "",
  });
  const data = {
    systems: result.systems.map((r) => {
      const entry = systemOf.get(r.system);
      return {
        ...r,
        system: {
          id: r.system,
          name: entry?.name ?? r.system,
          kielCategory: entry?.kielCategory ?? "",
          note: entry?.note ?? "",
        },
        kiel: r.kiel && { count: r.kiel.count, items: r.kiel.items.map(withKiel) },
        sipri: r.sipri && { ...r.sipri, designations: r.sipri.designations.map(withSipri) },
      };
    }),
    unmatched: { kiel: result.unmatched.kiel.map(withKiel), sipri: result.unmatched.sipri.map(withSipri) },
    sources: sources.map((s) => ({ id: s.id, publisher: s.publisher, release: s.release })),
  };
  return c.json({ data, meta }, 200);
};
