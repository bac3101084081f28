// Exports built at once, server-wide: each holds its subgraph in memory while it streams, so the
// number of slots times the per-export cap bounds the memory exports take together. No queue: a
// request past the slots is told to come back (503 with Retry-After) rather than held waiting.

/** All export slots are taken. */
export class ExportsBusyError extends Error {
  override readonly name = 'ExportsBusyError';
  constructor(
    readonly slots: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `the server is building ${slots} export${slots === 1 ? '' : 's'} already (EXPORT_SLOTS); ` +
        `try again in ${retryAfterSeconds} s`,
    );
  }
}

/** What Retry-After says before any export has finished, and its bounds. */
const firstRetryAfterSeconds = 5;
const longestRetryAfterSeconds = 60;

export class ExportSlots {
  private taken = 0;
  /** How long exports have taken lately (a moving average), in seconds: when a slot is likely free again. */
  private typicalSeconds = firstRetryAfterSeconds;

  constructor(
    readonly size: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get running(): number {
    return this.taken;
  }

  /** What Retry-After says while every slot is taken: about one export's time, 1 to 60 s. */
  get retryAfterSeconds(): number {
    return Math.min(longestRetryAfterSeconds, Math.max(1, Math.ceil(this.typicalSeconds)));
  }

  /** Runs `work` in a slot, freed when it settles; an ExportsBusyError at once when none is free. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.taken >= this.size) throw new ExportsBusyError(this.size, this.retryAfterSeconds);
    this.taken++;
    const started = this.clock();
    try {
      return await work();
    } finally {
      this.taken--;
      this.typicalSeconds = 0.7 * this.typicalSeconds + 0.3 * ((this.clock() - started) / 1000);
    }
  }
}
