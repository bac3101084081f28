// The benchmark's side of bench/latency-client.ts: forks it and asks it, over IPC, to time requests.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { LatencyJob, LatencyReply, Target } from './latency-client.ts';
import { root } from './processes.ts';

/**
 * API latencies are timed by bench/latency-client.ts in a process of its own, not here: the
 * benchmark's process holds a store, the heap the synthetic graph left and the direct calls, and a
 * request loop on its event loop timed those too (a hello-world round trip cost 0.2-1 ms more here).
 */
export class LatencyClient {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (samples: number[][]) => void; reject: (error: Error) => void }
  >();
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: LatencyReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.samples);
      else waiting.reject(new Error(reply.message));
    });
    child.once('exit', (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`the latency client exited (${code})`));
      this.pending.clear();
    });
  }

  static start(): Promise<LatencyClient> {
    const child = fork(join(root, 'bench/latency-client.ts'), [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(new LatencyClient(child)));
      child.once('exit', (code) => reject(new Error(`the latency client exited (${code}) before it was ready`)));
    });
  }

  /** Samples per target, the targets sent in turn request by request. */
  time(targets: Target[], runs: number, warmup: number): Promise<number[][]> {
    const job: LatencyJob = { id: this.nextId++, targets, runs, warmup };
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      this.child.send(job);
    });
  }

  stop(): void {
    this.child.disconnect();
  }
}
