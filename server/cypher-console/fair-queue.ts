/** Something waiting for its turn, on behalf of a client (an address, as the rate limit keys it). */
export interface Queued {
  client: string;
}

/**
 * A queue that takes turns between clients: `shift` gives the oldest item of the client whose turn
 * it is, then moves that client to the back. A client with many items waiting delays the others
 * by at most one item each round.
 */
export class FairQueue<T extends Queued> {
  /** Clients in turn order (a Map keeps insertion order), each with its items oldest first. */
  private readonly byClient = new Map<string, T[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  sizeOf(client: string): number {
    return this.byClient.get(client)?.length ?? 0;
  }

  push(item: T): void {
    const items = this.byClient.get(item.client);
    if (items) items.push(item);
    else this.byClient.set(item.client, [item]);
    this.count += 1;
  }

  /** The oldest item of the first client in turn order that `eligible` accepts (any client, by default). */
  shift(eligible: (client: string) => boolean = () => true): T | undefined {
    for (const [client, items] of this.byClient) {
      if (!eligible(client)) continue;
      const item = items.shift()!;
      this.byClient.delete(client);
      if (items.length > 0) this.byClient.set(client, items);
      this.count -= 1;
      return item;
    }
    return undefined;
  }

  /** Takes `item` out wherever it is; false if it was not waiting. */
  remove(item: T): boolean {
    const items = this.byClient.get(item.client);
    const index = items?.indexOf(item) ?? -1;
    if (!items || index < 0) return false;
    items.splice(index, 1);
    if (items.length === 0) this.byClient.delete(item.client);
    this.count -= 1;
    return true;
  }

  /** Empties the queue, giving back what was in it. */
  drain(): T[] {
    const all = [...this.byClient.values()].flat();
    this.byClient.clear();
    this.count = 0;
    return all;
  }
}
