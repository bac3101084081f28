import { describe, expect, it } from 'vitest';
import { defaultCypherWorkers, loadConfig } from '../../server/config.ts';

const GB = 2 ** 30;

describe('defaultCypherWorkers', () => {
  it.each([
    { what: 'an empty store', storeGb: 0, memoryGb: 24, workers: 2 },
    { what: 'a 100k/1M store (0.2 GB) on 24 GB', storeGb: 0.2, memoryGb: 24, workers: 2 },
    { what: 'a 1.4 GB store on 24 GB', storeGb: 1.4, memoryGb: 24, workers: 2 },
    { what: 'a 1.6 GB store on 24 GB', storeGb: 1.6, memoryGb: 24, workers: 1 },
    { what: 'a 10M store (2.7 GB) on 24 GB', storeGb: 2.7, memoryGb: 24, workers: 1 },
    { what: 'a store as big as the memory', storeGb: 24, memoryGb: 24, workers: 1 },
  ])('when sizing for $what, starts $workers', ({ storeGb, memoryGb, workers }) => {
    expect(defaultCypherWorkers(storeGb * GB, memoryGb * GB)).toBe(workers);
  });
});

describe('CYPHER_WORKERS', () => {
  it('when unset, is left to the default sizing', () => {
    expect(loadConfig({}).CYPHER_WORKERS).toBeUndefined();
  });

  it('when set, is the count asked for', () => {
    expect(loadConfig({ CYPHER_WORKERS: '3' }).CYPHER_WORKERS).toBe(3);
  });
});
