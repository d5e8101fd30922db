import {
  type AgreementRecord,
  type LadderStanding,
  ladderStanding,
  medianAmount,
  type Party,
  type Rung,
  ratio,
  rungOf,
  type SourceDataset,
  stands,
  statusOn,
  sum,
} from "@commitments/core";
import {
  agreementsFor,
  allRecords,
  type Db,
  type DeliveryFigure,
  type ItemFigure,
  partyEntity,
  readDeliveryFigures,
  readItemFigures,
  type SeriesSource,
  seriesSources,
} from "@commitments/db";
import { agreementView } from "../../schemas/agreements.ts";

/*
 * The guarantor view: each party with an instrument for Ukraine or figures of aid to it, its instruments on Table 1
 * (its own, and its groups' through which it is a guarantor), and beside them each source's figures as the source
 * reports them. Nothing is added across sources: Kiel's euros, SIPRI's counts and Kiel's heavy-weapons list stay
 * apart, each with its publisher and release.
 */

type Instrument = ReturnType<typeof agreementView> & { via: string | null; stands: boolean };

export interface FigureSourceView {
  id: SourceDataset;
  publisher: string | null;
  release: string | null;
}

export interface GuarantorFigures {
  party: { id: string; name: string; nameUk: string | null; kind: Party["kind"] | null };
  rung: Rung | null;
  standing: LadderStanding;
  instruments: Instrument[];
  ladder: {
    volume: { amount: string; currency: "EUR" } | null;
    committed: { amount: string; currency: "EUR" } | null;
    allocated: { amount: string; currency: "EUR" } | null;
    share: number | null;
    source: FigureSourceView;
  };
  figures: (Omit<DeliveryFigure, "donor" | "source"> & { source: FigureSourceView })[];
  heavyWeapons: (Omit<ItemFigure, "donor" | "source" | "records"> & {
    source: FigureSourceView;
    locators: string[];
  })[];
}

export interface GuarantorsAnswer {
  guarantors: GuarantorFigures[];
  medianVolume: { amount: string; currency: "EUR" } | null;
  sources: FigureSourceView[];
}

const ukraine = "UA";
const allSources: SourceDataset[] = ["kiel", "sipri", "iati", "tracker"];

/** Kiel's euros of one stage, summed over categories (a category: military only); null when Kiel gives none. */
function kielEuros(figures: readonly DeliveryFigure[], stage: string, category?: string) {
  const amounts = figures
    .filter(
      (f) =>
        f.source === "kiel" &&
        f.stage === stage &&
        f.measure.kind === "money" &&
        f.measure.currency === "EUR" &&
        (category === undefined || f.category === category),
    )
    .map((f) => (f.measure.kind === "money" ? f.measure.amount : "0"));
  return amounts.length === 0 ? null : { amount: sum(amounts), currency: "EUR" as const };
}

export async function readGuarantors(db: Db, asOf: Date | undefined): Promise<GuarantorsAnswer> {
  const [partyRows, agreementRows, figures, items, releases] = await Promise.all([
    allRecords(db, partyEntity, [], asOf),
    agreementsFor(db, ukraine, asOf),
    readDeliveryFigures(db, { asOf }),
    readItemFigures(db, { asOf, sources: ["kiel"] }),
    seriesSources(db, allSources, asOf),
  ]);
  const sourceOf = new Map<SourceDataset, FigureSourceView>(
    releases.map((s: SeriesSource) => [s.id, { id: s.id, publisher: s.publisher, release: s.release }]),
  );
  const cite = (id: SourceDataset) => sourceOf.get(id) ?? { id, publisher: null, release: null };
  const parties = new Map(partyRows.map((p) => [p.record.id, p.record]));
  const views = agreementRows.map(agreementView);

  // A party is a guarantor directly, or through each group it is a member of.
  const instrumentsOf = (id: string): Instrument[] => {
    const groups = partyRows.filter((p) => p.record.members?.includes(id)).map((p) => p.record.id);
    const out: Instrument[] = [];
    for (const view of views) {
      const record = view as unknown as AgreementRecord;
      const current = statusOn(record.statusHistory);
      if (record.guarantors.includes(id)) out.push({ ...view, via: null, stands: stands(current) });
      else {
        const via = groups.find((g) => record.guarantors.includes(g));
        if (via) out.push({ ...view, via, stands: stands(current) });
      }
    }
    return out;
  };

  const ids = new Set<string>([
    ...agreementRows.flatMap((a) => a.agreement.record.guarantors),
    ...figures.map((f) => f.donor),
  ]);
  ids.delete(ukraine);
  const guarantors = [...ids].map((id) => {
    const own = figures.filter((f) => f.donor === id);
    const instruments = instrumentsOf(id);
    const committed = kielEuros(own, "committed");
    const allocated = kielEuros(own, "allocated");
    const party = parties.get(id);
    return {
      party: { id, name: party?.name ?? id, nameUk: party?.nameUk ?? null, kind: party?.kind ?? null },
      rung: rungOf(
        instruments
          .filter((i) => i.via === null)
          .map((i) => ({ agreement: i.id, instrumentType: i.instrumentType, status: i.currentStatus })),
      ),
      instruments,
      ladder: {
        volume: kielEuros(own, "allocated", "military"),
        committed,
        allocated,
        share: committed && allocated ? ratio(allocated.amount, committed.amount) : null,
        source: cite("kiel"),
      },
      figures: own.map(({ donor: _, source, ...f }) => ({ ...f, source: cite(source) })),
      heavyWeapons: items
        .filter((i) => i.donor === id)
        .map(({ donor: _, source, records, ...i }) => ({
          ...i,
          source: cite(source),
          locators: records.map((r) => r.locator ?? r.id),
        })),
    };
  });
  const volumes = guarantors.flatMap((g) => (g.ladder.volume ? [g.ladder.volume.amount] : []));
  const median = medianAmount(volumes);
  const ordered = guarantors
    .map((g) => ({ ...g, standing: ladderStanding(g.rung, g.ladder.volume?.amount ?? null, median) }))
    .sort(
      (a, b) =>
        Number(b.ladder.volume?.amount ?? -1) - Number(a.ladder.volume?.amount ?? -1) ||
        a.party.id.localeCompare(b.party.id),
    );
  return {
    guarantors: ordered,
    medianVolume: median === null ? null : { amount: median, currency: "EUR" },
    sources: [...sourceOf.values()].filter((s) => figures.some((f) => f.source === s.id)),
  };
}
