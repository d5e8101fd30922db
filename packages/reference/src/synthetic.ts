import {
  type CategoryId,
  type Commitment,
  type Confidence,
  categories,
  isoStates,
  type Measure,
  type Party,
  type QuantityUnit,
  type Source,
  type Stage,
  type StageEvent,
  type Tranche,
} from "@commitments/core";

/*
 * A deterministic synthetic dataset for demos and benchmarks. Nothing in it is a real figure: every commitment and
 * event is flagged synthetic and cites a synthetic source that says so. Real ISO states are used as donors only so
 * that charts look like charts.
 *
 * Amounts are exact integers held in doubles (all below 2^53) and written out with String(), so no value is ever
 * a rounded binary fraction. Floats are used only to pick magnitudes and split points.
 */

export const GENERATOR_VERSION = 2;

/** Events a commitment needs to reach delivery: one pledge, one commitment, one allocation, one delivery. */
const fullSequence = 4;

export interface SyntheticOptions {
  seed: number;
  donors?: number;
  commitments?: number;
  events?: number;
}

export interface SyntheticDataset {
  seed: number;
  source: Source;
  /** The donor states, then Ukraine. */
  parties: Party[];
  commitments: Commitment[];
  /** Exactly `events` stage events, produced lazily; every call starts the same sequence afresh. */
  events(): Generator<StageEvent, void, undefined>;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): a 128-bit state, good statistics, no allocation. */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A PRNG from one 32-bit seed: splitmix32 spreads the seed over sfc32's four words. */
export function seededRandom(seed: number): () => number {
  let s = seed | 0;
  const mix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) | 0;
  };
  const next = sfc32(mix(), mix(), mix(), mix());
  for (let i = 0; i < 12; i++) next();
  return next;
}

// States that plausibly appear as donors in charts; the order here carries no meaning (it is shuffled per seed).
// biome-ignore format: a table reads better packed
const donorPool = [
  "US", "DE", "GB", "FR", "NL", "DK", "SE", "NO", "FI", "PL", "CA", "IT", "ES", "BE", "CZ", "EE", "LV",
  "LT", "SK", "PT", "AT", "IE", "LU", "JP", "AU", "NZ", "KR", "CH", "IS", "HR", "SI", "RO", "BG", "GR",
  "HU", "CY", "MT", "TR", "AL", "MK", "ME", "SG", "AE", "SA", "QA", "KW", "MX", "BR", "CL", "AR",
];
// Never drawn as synthetic donors: the recipient itself, and states whose appearance as donors would mislead.
const neverDonors = new Set(["UA", "RU", "BY", "KP", "IR"]);

// biome-ignore format: a table reads better packed
const eurozone = new Set([
  "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT",
  "SI", "SK",
]);
// A donor's own currency, and a rough integer scale from euro magnitudes: plausibility only, not exchange rates.
const ownCurrency: Record<string, readonly [currency: string, scale: number]> = {
  US: ["USD", 1],
  GB: ["GBP", 1],
  CA: ["CAD", 1],
  NO: ["NOK", 10],
  SE: ["SEK", 10],
  DK: ["DKK", 7],
  PL: ["PLN", 4],
  CZ: ["CZK", 25],
  JP: ["JPY", 150],
  CH: ["CHF", 1],
  AU: ["AUD", 2],
  NZ: ["NZD", 2],
  KR: ["KRW", 1400],
  BG: ["BGN", 2],
  RO: ["RON", 5],
  HU: ["HUF", 400],
  IS: ["ISK", 150],
};

function currencyOf(donor: string): readonly [string, number] {
  return ownCurrency[donor] ?? (eurozone.has(donor) ? ["EUR", 1] : ["USD", 1]);
}

interface QuantitySpec {
  unit: QuantityUnit;
  items: readonly string[];
  min: number;
  max: number;
}

interface CategorySpec {
  category: CategoryId;
  /** How often the category is drawn. */
  weight: number;
  /** Euro magnitude of a money line. */
  money: readonly [min: number, max: number];
  quantity?: QuantitySpec;
}

// Generic descriptions, not real designations: nothing here should read as a claim about a real system.
const specs: readonly CategorySpec[] = [
  { category: "funding.budget_support", weight: 6, money: [5e7, 5e9] },
  { category: "funding.military_financing", weight: 6, money: [1e7, 2e9] },
  { category: "funding.loans", weight: 3, money: [5e7, 3e9] },
  { category: "funding.grants", weight: 4, money: [1e6, 5e8] },
  {
    category: "air_defence.systems",
    weight: 3,
    money: [5e7, 2e9],
    quantity: {
      unit: "systems",
      items: ["medium-range air defence system", "short-range air defence system"],
      min: 1,
      max: 12,
    },
  },
  {
    category: "air_defence.interceptors",
    weight: 4,
    money: [2e7, 1e9],
    quantity: { unit: "missiles", items: ["air defence interceptor missiles"], min: 20, max: 1000 },
  },
  {
    category: "ammunition.artillery_155mm",
    weight: 6,
    money: [1e7, 2e9],
    quantity: { unit: "rounds", items: ["155mm artillery shells"], min: 5000, max: 300_000 },
  },
  {
    category: "ammunition.artillery_152mm",
    weight: 2,
    money: [1e7, 5e8],
    quantity: { unit: "rounds", items: ["152mm artillery shells"], min: 2000, max: 100_000 },
  },
  {
    category: "ammunition.artillery_122mm",
    weight: 2,
    money: [1e7, 5e8],
    quantity: { unit: "rounds", items: ["122mm artillery shells"], min: 2000, max: 100_000 },
  },
  {
    category: "ammunition.artillery_105mm",
    weight: 2,
    money: [5e6, 3e8],
    quantity: { unit: "rounds", items: ["105mm artillery shells"], min: 2000, max: 80_000 },
  },
  {
    category: "ammunition.mortar",
    weight: 2,
    money: [5e6, 3e8],
    quantity: { unit: "rounds", items: ["120mm mortar bombs", "81mm mortar bombs"], min: 2000, max: 150_000 },
  },
  {
    category: "ammunition.tank",
    weight: 1,
    money: [5e6, 2e8],
    quantity: { unit: "rounds", items: ["tank gun rounds"], min: 1000, max: 50_000 },
  },
  {
    category: "ammunition.rockets",
    weight: 1,
    money: [5e6, 3e8],
    quantity: { unit: "rounds", items: ["artillery rockets"], min: 500, max: 20_000 },
  },
  {
    category: "ammunition.small_arms",
    weight: 1,
    money: [1e6, 1e8],
    quantity: { unit: "rounds", items: ["small-arms cartridges"], min: 1_000_000, max: 50_000_000 },
  },
  {
    category: "artillery",
    weight: 3,
    money: [2e7, 1e9],
    quantity: { unit: "systems", items: ["towed howitzers", "self-propelled howitzers"], min: 4, max: 60 },
  },
  {
    category: "armoured_vehicles.tanks",
    weight: 2,
    money: [5e7, 1e9],
    quantity: { unit: "vehicles", items: ["main battle tanks"], min: 5, max: 100 },
  },
  {
    category: "armoured_vehicles.infantry_fighting_vehicles",
    weight: 2,
    money: [5e7, 1e9],
    quantity: { unit: "vehicles", items: ["infantry fighting vehicles"], min: 10, max: 200 },
  },
  {
    category: "armoured_vehicles.personnel_carriers",
    weight: 2,
    money: [2e7, 5e8],
    quantity: { unit: "vehicles", items: ["armoured personnel carriers"], min: 10, max: 300 },
  },
  {
    category: "long_range_fires",
    weight: 2,
    money: [5e7, 1e9],
    quantity: { unit: "missiles", items: ["long-range strike missiles"], min: 10, max: 300 },
  },
  {
    category: "aircraft",
    weight: 1,
    money: [1e8, 3e9],
    quantity: { unit: "aircraft", items: ["combat aircraft", "transport helicopters"], min: 2, max: 30 },
  },
  {
    category: "drones",
    weight: 4,
    money: [1e6, 5e8],
    quantity: {
      unit: "items",
      items: ["reconnaissance drones", "FPV drones", "loitering munitions"],
      min: 100,
      max: 100_000,
    },
  },
  {
    category: "training",
    weight: 3,
    money: [1e6, 2e8],
    quantity: { unit: "personnel_trained", items: ["soldiers trained"], min: 200, max: 20_000 },
  },
  {
    category: "maritime",
    weight: 1,
    money: [1e7, 5e8],
    quantity: { unit: "vessels", items: ["patrol boats"], min: 1, max: 20 },
  },
  { category: "intelligence", weight: 1, money: [1e6, 2e8] },
  { category: "cyber", weight: 1, money: [1e6, 1e8] },
  { category: "demining", weight: 2, money: [1e6, 2e8] },
  { category: "defence_industrial", weight: 3, money: [1e7, 1e9] },
  { category: "reconstruction", weight: 3, money: [1e7, 2e9] },
  { category: "humanitarian", weight: 3, money: [1e6, 5e8] },
];

/**
 * How many events a commitment draws, relative to others: a line of a few air-defence systems cannot plausibly be
 * delivered in fifty instalments, a line of shells or money can.
 */
const eventWeight: Record<QuantityUnit | "money", number> = {
  money: 1,
  rounds: 1.2,
  items: 1,
  tonnes: 0.8,
  personnel_trained: 0.8,
  missiles: 0.5,
  vehicles: 0.4,
  launchers: 0.3,
  systems: 0.15,
  batteries: 0.15,
  aircraft: 0.15,
  vessels: 0.1,
};

const confidenceMix: readonly (readonly [Confidence, number])[] = [
  ["reported_by_donor", 50],
  ["confirmed_by_recipient", 20],
  ["independently_verified", 10],
  ["estimated", 12],
  ["disputed", 4],
  ["undisclosed", 4],
];

const categoryLabels = new Map(categories.map((c) => [c.id, c.label]));

// Every day from 2022-01-01 to 2026-12-31, formatted once; events index into it.
const firstDay = Date.UTC(2022, 0, 1);
const days: readonly string[] = Array.from({ length: 1826 }, (_, i) =>
  new Date(firstDay + i * 86_400_000).toISOString().slice(0, 10),
);
const lastDay = days.length - 1;
const lastStartDay = days.indexOf("2025-12-31");

/** A picker over cumulative weights. */
function weighted<T>(entries: readonly (readonly [T, number])[]): (r: number) => T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const cumulative = entries.map(([, w]) => w / total);
  for (let i = 1; i < cumulative.length; i++)
    cumulative[i] = (cumulative[i] as number) + (cumulative[i - 1] as number);
  return (r) => {
    for (let i = 0; i < cumulative.length; i++)
      if (r < (cumulative[i] as number)) return (entries[i] as readonly [T, number])[0];
    return (entries[entries.length - 1] as readonly [T, number])[0];
  };
}

/** A log-uniform whole number in [min, max], kept to `digits` significant digits. */
function magnitude(r: number, min: number, max: number, digits: number): number {
  const x = min * (max / min) ** r;
  if (x < 10 ** digits) return Math.max(1, Math.round(x));
  const scale = 10 ** (Math.floor(Math.log10(x)) - digits + 1);
  return Math.round(x / scale) * scale;
}

function measureOf(template: Measure, value: number): Measure {
  return template.kind === "money"
    ? { kind: "money", amount: String(value), currency: template.currency }
    : { kind: "quantity", count: String(value), unit: template.unit, item: template.item };
}

/** Splits `total` into `n` whole tranches that sum to it exactly, the remainder on the last. */
function tranches(total: number, dues: readonly string[], template: Measure): Tranche[] {
  const n = dues.length;
  const base = Math.floor(total / n);
  return dues.map((due, i) => ({
    due,
    measure: measureOf(template, i === n - 1 ? total - base * (n - 1) : base),
  }));
}

function scheduleDues(kind: "yearly" | "quarterly", from: string, to: string): string[] {
  const [y0, m0] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [y1, m1] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const dues: string[] = [];
  if (kind === "yearly") {
    for (let y = y0; y <= y1; y++) dues.push(String(y));
    return dues;
  }
  for (let q = y0 * 4 + Math.floor((m0 - 1) / 3); q <= y1 * 4 + Math.floor((m1 - 1) / 3); q++) {
    dues.push(`${Math.floor(q / 4)}-${String((q % 4) * 3 + 3).padStart(2, "0")}`);
  }
  return dues;
}

export function generateSynthetic(options: SyntheticOptions): SyntheticDataset {
  const { seed, donors = 50 } = options;
  const commitmentCount = options.commitments ?? 20_000;
  const eventCount = options.events ?? 1_000_000;
  for (const [name, value] of Object.entries({ seed, donors, commitmentCount, eventCount })) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
  }
  if (donors < 1 || commitmentCount < 0 || eventCount < 0) {
    throw new RangeError("donors must be positive, commitments and events not negative");
  }
  if (eventCount > 0 && commitmentCount === 0) throw new RangeError("events need at least one commitment");

  const rng = seededRandom(seed);
  const slugSeed = seed >>> 0;
  const source: Source = Object.freeze({
    title: `Synthetic demo data (generator v${GENERATOR_VERSION}, seed ${seed}) — not real figures`,
    kind: "synthetic",
  });
  // One frozen array shared by every record: a million events need not carry a million copies of one citation.
  const sources = Object.freeze([source]) as unknown as Source[];

  // Donors: the curated pool first, then other states, shuffled per seed; weights fall off by rank, so a few donors
  // dominate as in real trackers, but which ones is down to the seed.
  const states = new Map(isoStates().map((p) => [p.id, p]));
  const others = [...states.keys()].filter((id) => !donorPool.includes(id) && !neverDonors.has(id));
  if (donors > donorPool.length + others.length) {
    throw new RangeError(`at most ${donorPool.length + others.length} donors`);
  }
  const shuffled = [...donorPool];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  const donorIds = [...shuffled, ...others].slice(0, donors);
  const pickDonor = weighted(donorIds.map((id, rank) => [id, 1 / (rank + 1) ** 0.8] as const));
  const pickSpec = weighted(specs.map((s) => [s, s.weight] as const));
  const parties = [...donorIds, "UA"].map((id) => states.get(id) as Party);

  // The plan: per commitment, the stage totals and the window its events fall in, in flat typed arrays.
  const n = commitmentCount;
  const pledged = new Float64Array(n);
  const committed = new Float64Array(n);
  const allocated = new Float64Array(n);
  const delivered = new Float64Array(n);
  const eventsOf = new Int32Array(n);
  const allocatedEvents = new Int32Array(n);
  const startDay = new Int32Array(n);
  const spanDays = new Int32Array(n);
  const templates: Measure[] = new Array(n);

  const drafts: { spec: CategorySpec; donor: string; template: Measure; weight: number }[] = new Array(n);
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const spec = pickSpec(rng());
    const donor = pickDonor(rng());
    const asQuantity = spec.quantity !== undefined && rng() < 0.75;
    let template: Measure;
    if (asQuantity && spec.quantity) {
      const q = spec.quantity;
      const item = q.items[Math.floor(rng() * q.items.length)] as string;
      template = { kind: "quantity", count: String(magnitude(rng(), q.min, q.max, 2)), unit: q.unit, item };
    } else {
      const [currency, scale] = currencyOf(donor);
      template = {
        kind: "money",
        amount: String(magnitude(rng(), spec.money[0], spec.money[1], 3) * scale),
        currency,
      };
    }
    const weight = eventWeight[template.kind === "money" ? "money" : template.unit];
    drafts[i] = { spec, donor, template, weight };
    weightSum += weight;
  }

  // Events per commitment. With fewer than four per commitment, spread over the first commitments so that each
  // runs the whole sequence (pledged, committed, allocated, delivered): every size then has deliveries to set
  // against promises. Otherwise at least one each, the rest in proportion to weight. Either way the remainder goes
  // one by one, so the total is exactly `events`.
  if (eventCount < fullSequence * n) {
    const active = Math.max(1, Math.floor(eventCount / fullSequence));
    for (let i = 0; i < active && i < n; i++) {
      eventsOf[i] = Math.floor(eventCount / active) + (i < eventCount % active ? 1 : 0);
    }
  } else {
    let assigned = 0;
    for (let i = 0; i < n; i++) {
      eventsOf[i] = 1 + Math.floor(((eventCount - n) * (drafts[i] as { weight: number }).weight) / weightSum);
      assigned += eventsOf[i] as number;
    }
    for (let i = 0; assigned < eventCount; i = (i + 1) % n, assigned++) {
      eventsOf[i] = (eventsOf[i] as number) + 1;
    }
  }

  const commitments: Commitment[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const { spec, donor, template } = drafts[i] as (typeof drafts)[number];
    const k = eventsOf[i] as number;
    const measured = template.kind === "money" ? Number(template.amount) : Number(template.count);
    // Room for every event to move at least one unit: delivered ≥ 1 per delivery, allocated ≥ 1 per allocation.
    const total = Math.max(measured, 2 * k);
    const measure = measureOf(template, total);
    templates[i] = measure;

    const c = total - Math.floor(total * 0.15 * rng());
    const a = c - Math.floor(c * 0.1 * rng());
    const nAlloc = k > 2 ? Math.max(1, Math.floor((k - 2) / 4)) : 0;
    const nDeliv = k > 2 ? k - 2 - nAlloc : 0;
    const d = Math.max(nDeliv, a - Math.floor(a * 0.5 * rng()));
    pledged[i] = total;
    committed[i] = c;
    allocated[i] = a;
    delivered[i] = d;
    allocatedEvents[i] = nAlloc;

    const start = Math.floor(rng() * lastStartDay);
    const span = Math.min(lastDay - start, 90 + Math.floor(rng() * 900));
    startDay[i] = start;
    spanDays[i] = span;

    const from = (days[start] as string).slice(0, 7);
    const to = (days[start + span] as string).slice(0, 7);
    const plan = rng();
    let schedule: Tranche[] = [];
    if (plan >= 0.4) {
      const dues = scheduleDues(plan < 0.75 ? "yearly" : "quarterly", from, to);
      if (total >= dues.length) schedule = tranches(total, dues, measure);
    }

    const donorName = states.get(donor)?.name ?? donor;
    commitments[i] = {
      id: `syn${slugSeed}-c${i}`,
      donor,
      recipient: "UA",
      title: `Synthetic demo: ${categoryLabels.get(spec.category)} from ${donorName} (#${i})`,
      category: spec.category,
      measure,
      measureBasis: "total",
      period: { start: from, end: to },
      schedule,
      conditions: [],
      sources,
      synthetic: true,
    };
  }

  const pickConfidence = weighted(confidenceMix);

  function* events(): Generator<StageEvent, void, undefined> {
    // Its own stream, so the events are the same however many times, and after whatever else, this is called.
    const r = seededRandom(seed ^ 0x5eed5eed);
    for (let i = 0; i < n; i++) {
      const k = eventsOf[i] as number;
      if (k === 0) continue;
      const commitment = (commitments[i] as Commitment).id;
      const template = templates[i] as Measure;
      const start = startDay[i] as number;
      const span = spanDays[i] as number;
      const nAlloc = allocatedEvents[i] as number;
      // Days only move forward: event j falls in the j-th slice of the commitment's window.
      const event = (j: number, stage: Stage, value: number): StageEvent => ({
        id: `${commitment}-e${j}`,
        commitment,
        stage,
        date: days[j === 0 ? start : start + Math.floor((span * (j + r())) / k)] as string,
        measure: measureOf(template, value),
        confidence: pickConfidence(r()),
        sources,
        synthetic: true,
      });

      yield event(0, "pledged", pledged[i] as number);
      if (k === 1) continue;
      yield event(1, "committed", committed[i] as number);
      // Allocations share out `allocated`, deliveries share out `delivered`; each part is at least one unit and
      // the last takes what is left, so each stage sums exactly and delivered ≤ allocated ≤ committed.
      let j = 2;
      for (const [stage, total, parts] of [
        ["allocated", allocated[i] as number, nAlloc],
        ["delivered", delivered[i] as number, k - 2 - nAlloc],
      ] as const) {
        let left = total;
        for (let p = parts; p > 0; p--, j++) {
          const part = p === 1 ? left : Math.min(left - (p - 1), 1 + Math.floor(((left - p) * 2 * r()) / p));
          left -= part;
          yield event(j, stage, part);
        }
      }
    }
  }

  return { seed, source, parties, commitments, events };
}
