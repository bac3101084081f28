// The messages between the worker pool (worker-pool.ts) and its processes (worker.ts).

export interface WorkerJob {
  id: number;
  query: string;
  params: Record<string, unknown>;
  maxRows: number;
  maxBytes: number;
}

export type WorkerReply =
  | { ready: true }
  | { fatal: string }
  | { id: number; executed: true }
  | {
      id: number;
      ok: true;
      columns: string[];
      rows: unknown[];
      capped: boolean;
      cappedBy?: 'rows' | 'bytes';
      elapsedMs: number;
    }
  | { id: number; ok: false; message: string; gqlStatus?: string };

/** The exit code of a worker that went over its memory ceiling. */
export const memoryExitCode = 86;
