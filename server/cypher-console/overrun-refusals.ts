// Queries whose parse ran past the budget, remembered so that sending one again, or one of the same
// shape (query-shape.ts) at least as long, is refused at once instead of taking a guard thread for
// another budget. For a shape, parse time grows with length, so a longer query of a shape that
// overran would overrun too; a shorter one is parsed (and remembered in turn if it overruns).
// Remembering only adds refusals: nothing the guard refused is ever let through from here.
import { shapeOf } from './query-shape.ts';

export class OverrunRefusals {
  /** Shape -> the shortest query of that shape that overran; oldest used first (a Map keeps insertion order). */
  private readonly shortest = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  /** The query overran the budget. */
  remember(query: string): void {
    const shape = shapeOf(query);
    const known = this.shortest.get(shape);
    this.shortest.delete(shape);
    this.shortest.set(shape, Math.min(known ?? Infinity, query.length));
    if (this.shortest.size > this.capacity) this.shortest.delete(this.shortest.keys().next().value!);
  }

  /** True when the query is, or is shaped like and at least as long as, one that overran. */
  refuses(query: string): boolean {
    if (this.shortest.size === 0) return false;
    const shape = shapeOf(query);
    const length = this.shortest.get(shape);
    if (length === undefined || query.length < length) return false;
    this.shortest.delete(shape);
    this.shortest.set(shape, length);
    return true;
  }
}
