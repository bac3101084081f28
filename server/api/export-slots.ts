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

export class ExportSlots {
  private taken = 0;

  constructor(
    readonly size: number,
    /** What Retry-After says when all are taken: about one large export's time. */
    readonly retryAfterSeconds = 10,
  ) {}

  get running(): number {
    return this.taken;
  }

  /** Runs `work` in a slot, freed when it settles; an ExportsBusyError at once when none is free. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.taken >= this.size) throw new ExportsBusyError(this.size, this.retryAfterSeconds);
    this.taken++;
    try {
      return await work();
    } finally {
      this.taken--;
    }
  }
}
