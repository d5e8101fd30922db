import type { reconciliationStatusIds } from "./vocabulary/guarantors.ts";

export type ReconciliationStatus = (typeof reconciliationStatusIds)[number];

/**
 * One weapon system as two sources name it: the exact entries of Kiel's heavy-weapons lists and the exact weapon
 * designations of SIPRI's register that stand for it. Only exact names match (no fuzzy matching): a name neither
 * side of any entry lists stays unmatched and is shown as such. The reference package holds the table, each entry
 * with the reason its names are one system.
 */
export interface DesignationEntry {
  id: string;
  /** The system's name, a proper name shown as it is in both languages. */
  name: string;
  /** Kiel's category of the weapons file ("Howitzers", "Tanks", "Air Defense", "MLRS"). */
  kielCategory: string;
  kiel: readonly string[];
  sipri: readonly string[];
  /** Why these names are one system, and what the two sources count (units, batteries, variants). */
  note: string;
}

export interface KielCount {
  donor: string;
  item: string;
  count: number;
  locators: readonly string[];
}

export interface SipriCount {
  donor: string;
  designation: string;
  ordered: number;
  delivered: number;
  locators: readonly string[];
}

export interface ReconciledSystem {
  donor: string;
  system: string;
  kiel: { count: number; items: KielCount[] } | null;
  sipri: { ordered: number; delivered: number; designations: SipriCount[] } | null;
  /** Kiel's count less SIPRI's delivered count; null when one source has no entry. */
  difference: number | null;
  status: ReconciliationStatus;
}

export interface Reconciliation {
  systems: ReconciledSystem[];
  unmatched: { kiel: KielCount[]; sipri: SipriCount[] };
}

/**
 * Sets each donor's counts of each system in the table side by side: Kiel's listed count against SIPRI's
 * delivered count (its ordered count shown beside it). Entries of either source that no system of the table names
 * are returned unmatched, never guessed into one.
 */
export function reconcile(
  table: readonly DesignationEntry[],
  kiel: readonly KielCount[],
  sipri: readonly SipriCount[],
): Reconciliation {
  const byKiel = new Map<string, string>();
  const bySipri = new Map<string, string>();
  for (const entry of table) {
    for (const name of entry.kiel) byKiel.set(name, entry.id);
    for (const name of entry.sipri) bySipri.set(name, entry.id);
  }
  const rows = new Map<string, { donor: string; system: string; kiel: KielCount[]; sipri: SipriCount[] }>();
  const row = (donor: string, system: string) => {
    const key = `${donor}\u0000${system}`;
    let found = rows.get(key);
    if (!found) {
      found = { donor, system, kiel: [], sipri: [] };
      rows.set(key, found);
    }
    return found;
  };
  const unmatched: Reconciliation["unmatched"] = { kiel: [], sipri: [] };
  for (const k of kiel) {
    const system = byKiel.get(k.item);
    if (system === undefined) unmatched.kiel.push(k);
    else row(k.donor, system).kiel.push(k);
  }
  for (const s of sipri) {
    const system = bySipri.get(s.designation);
    if (system === undefined) unmatched.sipri.push(s);
    else row(s.donor, system).sipri.push(s);
  }
  const systems = [...rows.values()].map((r): ReconciledSystem => {
    const kielSide = r.kiel.length ? { count: r.kiel.reduce((n, k) => n + k.count, 0), items: r.kiel } : null;
    const sipriSide = r.sipri.length
      ? {
          ordered: r.sipri.reduce((n, s) => n + s.ordered, 0),
          delivered: r.sipri.reduce((n, s) => n + s.delivered, 0),
          designations: r.sipri,
        }
      : null;
    const difference = kielSide && sipriSide ? kielSide.count - sipriSide.delivered : null;
    const status: ReconciliationStatus =
      kielSide === null
        ? "only_sipri"
        : sipriSide === null
          ? "only_kiel"
          : difference === 0
            ? "agree"
            : "differ";
    return { donor: r.donor, system: r.system, kiel: kielSide, sipri: sipriSide, difference, status };
  });
  systems.sort((a, b) => a.donor.localeCompare(b.donor) || a.system.localeCompare(b.system));
  const order = (a: { donor: string }, b: { donor: string }) => a.donor.localeCompare(b.donor);
  unmatched.kiel.sort(order);
  unmatched.sipri.sort(order);
  return { systems, unmatched };
}
