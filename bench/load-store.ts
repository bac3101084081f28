// Loads a synthetic graph into a store in a process of its own, so its memory is its own to
// measure (and to stop, on a shared machine) and the benchmark's process stays small.
// Forked by bench/run.ts with one job over IPC; replies with the load's figures, then exits.
import { loadSynthetic, SyntheticGraph, type SyntheticLoadResult } from '../seed/synthetic.ts';
import { openEmbeddedStore } from '../server/store/embedded.ts';
import { openNeo4jStore, type Neo4jOptions } from '../server/store/neo4j.ts';

export interface LoadJob {
  nodes: number;
  relationships: number;
  seed: number;
  batchSize: number;
  /** The embedded store's database file, or the Neo4j server to load into. */
  target: { embedded: string } | { neo4j: Neo4jOptions };
}

export type LoadProgress = { progress: number };
export type LoadReply = { ok: true; result: SyntheticLoadResult } | { ok: false; message: string };

process.once('message', async (job: LoadJob) => {
  try {
    const store =
      'embedded' in job.target
        ? openEmbeddedStore({ path: job.target.embedded })
        : await openNeo4jStore(job.target.neo4j);
    try {
      const graph = new SyntheticGraph({ nodes: job.nodes, relationships: job.relationships, seed: job.seed });
      let reported = 0;
      const result = await loadSynthetic(store, graph, {
        batchSize: job.batchSize,
        onProgress: ({ relationships }) => {
          if (relationships - reported >= job.relationships / 10) {
            reported = relationships;
            process.send!({ progress: relationships } satisfies LoadProgress);
          }
        },
      });
      process.send!({ ok: true, result } satisfies LoadReply);
    } finally {
      await store.close();
    }
  } catch (error) {
    process.send!({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  process.disconnect();
});
