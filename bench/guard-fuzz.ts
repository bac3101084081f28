// The differential fuzz of the Cypher console's guard against the embedded engine, longer than
// the run in `npm test` (tests/cypher-console/guard-differential.test.ts): generated probes mixing
// comments, strings, quoted names, escapes and line terminators; for each, do the guard's lexical
// and parsed readings and the engine's agree on the columns? Prints the cases run, how each ended
// and every disagreement; exits 1 if there was one.
//   npm run fuzz:guard -- --runs 100000 [--seed 23]
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { openEmbeddedStore } from '../server/store/embedded.ts';
import { compare, probe, type Disagreement, type Outcome } from '../tests/support/guard-differential.ts';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number(values.runs ?? 20_000);
const seed = Number(values.seed ?? Date.now() % 2 ** 31);

const store = openEmbeddedStore();
const counts = new Map<Outcome['kind'], number>();
const disagreements: Disagreement[] = [];
const started = performance.now();

for (const query of fc.sample(probe, { numRuns: runs, seed })) {
  const outcome = await compare(store, query);
  counts.set(outcome.kind, (counts.get(outcome.kind) ?? 0) + 1);
  if (outcome.kind === 'disagreed') disagreements.push(outcome);
}
await store.close();

console.log(`guard fuzz: ${runs} cases (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const [kind, count] of [...counts].sort()) console.log(`  ${kind.padEnd(26)} ${count}`);
console.log(`disagreements: ${disagreements.length}`);
for (const { query, engine, lexical, parsed } of disagreements.slice(0, 20)) {
  console.log(JSON.stringify({ query, engine, lexical, parsed }));
}
process.exitCode = disagreements.length > 0 ? 1 : 0;
