// npm run seed: validates the curated data set and loads it into the configured store.
// npm run seed -- --synthetic --nodes 100000 --rels 1000000 --seed 42: a synthetic graph instead
// (seed/synthetic.ts), with a progress bar on stderr and the load rate at the end.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../server/config.ts';
import { openStore } from '../server/store/open.ts';
import type { GraphStore } from '../server/store/port.ts';
import { SeedDataError } from '../server/loader/curated.ts';
import { storeCounts } from '../server/domain/schema.ts';
import { seedCurated } from '../server/loader/seed-curated.ts';
import { exitUnlessSupportedNode } from '../server/node-version.ts';
import { SyntheticGraph, loadSynthetic } from './synthetic.ts';

const usage = `usage: npm run seed [-- --synthetic [--nodes N] [--rels N] [--seed N] [--batch N] [--merge]]
  (no flags)   load the curated data set (idempotent)
  --synthetic  load a synthetic graph instead: --nodes (10000), --rels (100000), --seed (42);
               --batch relationships per transaction (10000); --merge to upsert (idempotent,
               slower) instead of the bulk CREATE, which needs a store without synthetic data`;

const wholeNumber = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number, not "${text}"\n${usage}`);
  return value;
};

async function seedSynthetic(store: GraphStore, values: Record<string, string | boolean | undefined>): Promise<void> {
  const graph = new SyntheticGraph({
    nodes: wholeNumber('nodes', values.nodes as string | undefined, 10_000),
    relationships: wholeNumber('rels', values.rels as string | undefined, 100_000),
    seed: wholeNumber('seed', values.seed as string | undefined, 42),
  });
  const batchSize = Math.max(1, wholeNumber('batch', values.batch as string | undefined, 10_000));
  const merge = values.merge === true;
  const before = await storeCounts(store);
  if (!merge && before.relationships > 0) {
    throw new Error(
      `the store already holds ${before.relationships} relationships: the bulk load would duplicate them. Use an empty DATA_DIR, or --merge.`,
    );
  }
  const { nodes, relationships, seed } = graph.spec;
  console.log(
    `synthetic graph: ${nodes} nodes, ${relationships} relationships, seed ${seed} (${merge ? 'MERGE' : 'bulk CREATE'}, batches of ${batchSize})`,
  );
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | {phase} {value}/{total} | {rate}/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: 'nodes' | 'relationships' = 'nodes';
  let phaseStarted = performance.now();
  bar.start(nodes, 0, { phase, rate: 0 });
  const result = await loadSynthetic(store, graph, {
    batchSize,
    relationships: merge ? 'merge' : 'create',
    onProgress: (progress) => {
      if (phase === 'nodes' && progress.nodes >= nodes) {
        bar.update(progress.nodes, { rate: Math.round(progress.nodes / ((performance.now() - phaseStarted) / 1000)) });
        bar.stop();
        phase = 'relationships';
        phaseStarted = performance.now();
        bar.start(Math.max(relationships, 1), 0, { phase, rate: 0 });
      }
      const done = phase === 'nodes' ? progress.nodes : progress.relationships;
      bar.update(done, { phase, rate: Math.round(done / Math.max((performance.now() - phaseStarted) / 1000, 1e-3)) });
    },
  });
  bar.stop();
  const after = await storeCounts(store);
  console.log(
    `loaded ${result.nodes} nodes in ${(result.nodeMs / 1000).toFixed(1)} s, ${result.relationships} relationships in ${(result.relationshipMs / 1000).toFixed(1)} s`,
  );
  console.log(`rate: ${Math.round(result.relationshipRate)} relationships/s`);
  console.log(`hub summaries: ${result.hubs} nodes in ${(result.summaryMs / 1000).toFixed(1)} s`);
  console.log(`store after: ${after.nodes} nodes, ${after.relationships} relationships`);
}

async function main(): Promise<void> {
  exitUnlessSupportedNode();
  const { values } = parseArgs({
    options: {
      synthetic: { type: 'boolean' },
      nodes: { type: 'string' },
      rels: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      merge: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (
    !values.synthetic &&
    [values.nodes, values.rels, values.seed, values.batch, values.merge].some((value) => value !== undefined)
  ) {
    throw new Error(`--nodes, --rels, --seed, --batch and --merge go with --synthetic\n${usage}`);
  }
  const config = loadConfig();
  const store = await openStore(config);
  try {
    if (values.synthetic) {
      await seedSynthetic(store, values);
      return;
    }
    const { before, after, records, removed } = await seedCurated(store);
    console.log(
      `seeded the ${store.kind} store with ${records.nodes} nodes and ${records.relationships} relationships`,
    );
    console.log(`store before: ${before.nodes} nodes, ${before.relationships} relationships`);
    console.log(`store after:  ${after.nodes} nodes, ${after.relationships} relationships`);
    if (removed.length > 0)
      console.log(`removed ${removed.length} claims the curated set no longer makes: ${removed.join(', ')}`);
    const labels = await store.read('labels');
    const types = await store.read('relationship-types');
    console.log(`labels: ${labels.rows.map((row) => `${row.label} ${row.count}`).join(', ')}`);
    console.log(`relationship types: ${types.rows.map((row) => `${row.type} ${row.count}`).join(', ')}`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof SeedDataError || error instanceof Error ? error.message : error);
  process.exit(1);
});
