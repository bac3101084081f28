// npm run seed: validates the curated data set and loads it into the configured store.
import { loadConfig } from '../server/config.ts';
import { openStore } from '../server/store/open.ts';
import { SeedDataError } from './curated.ts';
import { seedCurated } from './seed.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const { before, after, records } = await seedCurated(store);
    console.log(`seeded the ${store.kind} store with ${records.nodes} nodes and ${records.relationships} relationships`);
    console.log(`store before: ${before.nodes} nodes, ${before.relationships} relationships`);
    console.log(`store after:  ${after.nodes} nodes, ${after.relationships} relationships`);
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
