// A database file holding the curated data set, as the server's data folder holds it.
import { join } from 'node:path';
import { seedCurated } from '../../server/loader/seed-curated.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';

/** Seeds `graph.grafeo` in `dir` and closes it; returns its path. */
export async function seededFile(dir: string): Promise<string> {
  const path = join(dir, 'graph.grafeo');
  const writer = openEmbeddedStore({ path });
  await seedCurated(writer);
  await writer.close();
  return path;
}
