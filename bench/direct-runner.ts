// Times every case's direct call in a process of its own, on its own read-only handle of the
// store, then exits: for a store that does not fit in memory twice, the benchmark runs this before
// it starts the server, and the memory is the system's again when this process ends (an engine
// handle's memory is not given back on close). Forked by bench/run.ts with one job over IPC.
import { openEmbeddedStore } from '../server/store/embedded.ts';
import { cases, runsFor, timeCalls, type Subjects } from './cases.ts';

export interface DirectJob {
  databasePath: string;
  subjects: Subjects;
  runs: number;
  warmup: number;
}

export type DirectReply =
  | {
      ok: true;
      /** Per case: its samples, how many runs, and the load average when it began. */
      cases: { name: string; samples: number[]; runs: number; loadAverage: string }[];
      /** What opening the store and the calls took, in resident memory. */
      handleMb: number;
    }
  | { ok: false; message: string };

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const loadAverage = async () => {
  const os = await import('node:os');
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
};

process.once('message', async (job: DirectJob) => {
  try {
    const before = rssMb();
    const store = openEmbeddedStore({ path: job.databasePath, readOnly: true });
    const timed = [];
    for (const c of cases(job.subjects)) {
      const loadAt = await loadAverage();
      const runs = await runsFor(() => c.direct(store), job.runs);
      timed.push({
        name: c.name,
        samples: await timeCalls(() => c.direct(store), runs, job.warmup),
        runs,
        loadAverage: loadAt,
      });
    }
    const handleMb = rssMb() - before;
    await store.close();
    process.send!({ ok: true, cases: timed, handleMb } satisfies DirectReply);
  } catch (error) {
    process.send!({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  process.disconnect();
});
