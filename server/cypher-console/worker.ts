// A child process that runs ad-hoc Cypher on a read-only handle of the embedded store. The engine
// has no cancel, so the parent kills this process when a query runs past its timeout.
import { encodeValue } from '../store/graph-values.ts';
import { openEmbeddedStore } from '../store/embedded.ts';
import { capRows } from './cap-rows.ts';

export interface WorkerJob {
  id: number;
  query: string;
  params: Record<string, unknown>;
  maxRows: number;
}

export type WorkerReply =
  | { ready: true }
  | { fatal: string }
  | { id: number; ok: true; columns: string[]; rows: unknown[]; capped: boolean; elapsedMs: number }
  | { id: number; ok: false; message: string; gqlStatus?: string };

const send = (reply: WorkerReply) => process.send!(reply);
const path = process.argv[2];

try {
  const store = openEmbeddedStore({ path, readOnly: true });
  process.on('message', async (job: WorkerJob) => {
    const startedAt = performance.now();
    try {
      const result = capRows(await store.read({ text: job.query }, job.params), job.maxRows, startedAt);
      send({ id: job.id, ok: true, ...result, rows: result.rows.map((row) => encodeValue(row)) });
    } catch (error) {
      const { message, gqlStatus } = error as Error & { gqlStatus?: string };
      send({ id: job.id, ok: false, message, gqlStatus });
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
} catch (error) {
  send({ fatal: (error as Error).message });
  process.exit(1);
}
