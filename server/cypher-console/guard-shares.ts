// Who holds the guard's threads, and who ran one past its budget lately: the guard pool asks it
// whose check may start next. The rules, which give the bound stated in guard-pool.ts:
// - a client holds at most one thread fewer than there are (one, when there is only one), so with
//   two threads or more one is always left for somebody else;
// - clients that overran the budget within the last `penaltyMs` together hold at most as many, and
//   never take the last free thread (one started and idle), so with two threads or more one is kept
//   for clients that did not, even while another is being replaced;
// - the pool serves checks of clients that did not overrun lately first.

export interface GuardSharesOptions {
  threads: number;
  /** How long a client counts as one that overran, after its last overrun. */
  penaltyMs: number;
  now?: () => number;
}

export class GuardShares {
  private readonly holding = new Map<string, number>();
  private readonly lastOverrun = new Map<string, number>();
  private readonly most: number;
  private readonly now: () => number;

  constructor(private readonly options: GuardSharesOptions) {
    this.most = Math.max(1, options.threads - 1);
    this.now = options.now ?? (() => performance.now());
  }

  /** The client overran the budget within the penalty. */
  overranLately(client: string): boolean {
    const at = this.lastOverrun.get(client);
    if (at === undefined) return false;
    if (this.now() - at < this.options.penaltyMs) return true;
    this.lastOverrun.delete(client);
    return false;
  }

  /** A thread may take a check of this client now, `free` threads (started and idle) being there to take. */
  mayStart(client: string, free: number): boolean {
    if ((this.holding.get(client) ?? 0) >= this.most) return false;
    if (!this.overranLately(client) || this.options.threads === 1) return true;
    let held = 0;
    for (const [holder, count] of this.holding) if (this.overranLately(holder)) held += count;
    return held < this.most && free > 1;
  }

  started(client: string): void {
    this.holding.set(client, (this.holding.get(client) ?? 0) + 1);
  }

  /** A check of the client has left its thread; `overran`: it was stopped at the budget. */
  ended(client: string, overran: boolean): void {
    const left = (this.holding.get(client) ?? 1) - 1;
    if (left > 0) this.holding.set(client, left);
    else this.holding.delete(client);
    if (overran) {
      // Most recent last, so the oldest entries are the first to go when there are too many.
      this.lastOverrun.delete(client);
      this.lastOverrun.set(client, this.now());
      for (const [first, at] of this.lastOverrun) {
        if (this.now() - at < this.options.penaltyMs) break;
        this.lastOverrun.delete(first);
      }
    }
  }
}
