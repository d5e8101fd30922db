// Times the synthetic generator at its defaults (20,000 commitments, 1,000,000 events): run by hand with
// `tsx scripts/bench-synthetic.ts [seed]`. Timing is machine-dependent, so it is not a test.
import { generateSynthetic } from "../src/synthetic.ts";

const seed = Number(process.argv[2] ?? 42);
const t0 = performance.now();
const dataset = generateSynthetic({ seed });
const t1 = performance.now();
let events = 0;
for (const _ of dataset.events()) events++;
const t2 = performance.now();
const mb = (process.memoryUsage().rss / 1e6).toFixed(0);
console.log(
  `seed ${seed}: ${dataset.commitments.length} commitments in ${(t1 - t0).toFixed(0)} ms, ` +
    `${events} events in ${(t2 - t1).toFixed(0)} ms (rss ${mb} MB)`,
);
