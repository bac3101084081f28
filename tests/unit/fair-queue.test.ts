import { describe, expect, it } from 'vitest';
import { FairQueue } from '../../server/cypher-console/fair-queue.ts';

const item = (client: string, n: number) => ({ client, n });
const filled = (...items: { client: string; n: number }[]) => {
  const queue = new FairQueue<{ client: string; n: number }>();
  items.forEach((i) => queue.push(i));
  return queue;
};
const drainOrder = (queue: FairQueue<{ client: string; n: number }>) => {
  const order: string[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) order.push(`${next.client}${next.n}`);
  return order;
};

describe('FairQueue', () => {
  it('when one client queued many and another one, they take turns', () => {
    const queue = filled(item('a', 1), item('a', 2), item('a', 3), item('b', 1));
    expect(drainOrder(queue)).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('when a client has no more items, it leaves the rotation and comes back at the end', () => {
    const queue = filled(item('a', 1), item('b', 1));
    expect(queue.shift()).toEqual(item('a', 1));
    queue.push(item('a', 2));
    expect(drainOrder(queue)).toEqual(['b1', 'a2']);
  });

  it('when an item is removed, it is no longer given out and the sizes follow', () => {
    const removed = item('a', 2);
    const queue = filled(item('a', 1), removed, item('b', 1));
    expect(queue.remove(removed)).toBe(true);
    expect(queue.remove(removed)).toBe(false);
    expect([queue.size, queue.sizeOf('a'), queue.sizeOf('b')]).toEqual([2, 1, 1]);
    expect(drainOrder(queue)).toEqual(['a1', 'b1']);
  });

  it('when drained, it is empty and gives back everything', () => {
    const queue = filled(item('a', 1), item('b', 1));
    expect(queue.drain()).toHaveLength(2);
    expect([queue.size, queue.shift()]).toEqual([0, undefined]);
  });
});
