// The benchmark's HTTP client for latencies, in a process of its own: nothing else runs on its
// event loop (no store, no heap of a million relationships, no direct calls, no autocannon), as a
// browser tab's network stack is not in the server's process either. bench/run.ts forks it and
// asks it, over IPC, to time requests; all timing is done here, around each request alone.
//
// A job names several targets (e.g. an API request and a bare HTTP round trip to the floor
// server): they are sent in turn, request by request, so each sees the same conditions (a
// neighbour's load that comes and goes touches all of them alike).
import http from 'node:http';

export interface Target {
  base: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface LatencyJob {
  id: number;
  targets: Target[];
  runs: number;
  warmup: number;
}

export type LatencyReply = { id: number; ok: true; samples: number[][] } | { id: number; ok: false; message: string };

const agents = new Map<string, http.Agent>();
const agentFor = (base: string) => {
  let agent = agents.get(base);
  if (!agent) agents.set(base, (agent = new http.Agent({ keepAlive: true, maxSockets: 1 })));
  return agent;
};

class StaleSocket extends Error {}

/** One request as the browser client makes it (gzip accepted); the body is read, not parsed. */
function request({ base, method, path, body }: Target): Promise<number> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent: agentFor(base),
        headers: {
          accept: 'application/json',
          'accept-encoding': 'gzip',
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${method} ${path}: HTTP ${res.statusCode}`));
          else resolve(bytes);
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server closed an idle keep-alive connection (after 5 s, e.g. while the benchmark
      // timed slow direct calls) as this request went out on it: the caller sends it again.
      reject(
        req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up')
          ? new StaleSocket()
          : error,
      );
    });
    req.end(payload);
  });
}

async function run(job: LatencyJob): Promise<number[][]> {
  const samples = job.targets.map(() => [] as number[]);
  for (let i = 0; i < job.warmup + job.runs; i++) {
    for (let t = 0; t < job.targets.length; t++) {
      let started = performance.now();
      try {
        await request(job.targets[t]!);
      } catch (error) {
        if (!(error instanceof StaleSocket)) throw error;
        started = performance.now();
        await request(job.targets[t]!);
      }
      if (i >= job.warmup) samples[t]!.push(performance.now() - started);
    }
  }
  return samples;
}

process.on('message', (job: LatencyJob) => {
  run(job).then(
    (samples) => process.send!({ id: job.id, ok: true, samples } satisfies LatencyReply),
    (error: unknown) =>
      process.send!({
        id: job.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies LatencyReply),
  );
});
process.on('disconnect', () => {
  for (const agent of agents.values()) agent.destroy();
  process.exit(0);
});
process.send!({ ready: true });
