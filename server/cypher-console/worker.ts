// A child process that runs ad-hoc Cypher on a read-only handle of the embedded store. The engine
// has no cancel, so the parent kills this process when a query runs past its time or its caller
// leaves. It watches its own memory: a query may use the ceiling beyond what the process held once
// the store was open (a store of 10M relationships alone is 3.4 GB), and past it the process ends
// itself (the engine's memory is outside the JS heap that --max-old-space-size bounds). It reads
// its size from the kernel's peak count (getrusage), which needs no /proc: a sandboxed worker has
// none (worker-sandbox.ts).
import { setPriority } from 'node:os';
import { openEmbeddedStore } from '../store/embedded.ts';
import { encodeValue } from '../store/graph-values.ts';
import { cutResult } from './cut-result.ts';
import { memoryExitCode, type WorkerJob, type WorkerReply } from './worker-protocol.ts';

const send = (reply: WorkerReply) => process.send!(reply);

const [path, memoryMb, niceness] = process.argv.slice(2);
/** The most memory this process has held, in bytes. */
const peakBytes = () => process.resourceUsage().maxRSS * 1024;

try {
  setPriority(Number(niceness));
  const store = openEmbeddedStore({ path, readOnly: true });
  const ceiling = peakBytes() + Number(memoryMb) * 1024 * 1024;
  // The engine runs a query off this thread, so the check keeps running while it works.
  setInterval(() => {
    if (peakBytes() > ceiling) process.exit(memoryExitCode);
  }, 20).unref();
  process.on('message', async (job: WorkerJob) => {
    const startedAt = performance.now();
    try {
      const result = await store.read({ text: job.query }, job.params, { maxRows: job.maxRows });
      send({ id: job.id, executed: true });
      const cut = cutResult(result, job, startedAt);
      send({ id: job.id, ok: true, ...cut, rows: cut.rows.map((row) => encodeValue(row)) });
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
