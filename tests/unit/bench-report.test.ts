import { describe, expect, it } from 'vitest';
import { growth, NOTES_MARKER, stats, targets, withNotes, type SizeResult } from '../../bench/report.ts';

const row = (name: string, median: number, p99: number) => {
  const s = { ...stats([median]), p99 };
  return { name, direct: s, api: s, floor: stats([0.1]), ratio: 1, serverRatio: 1, loadAverage: '1.00 1.00 1.00' };
};

const size = (relationships: number, cases: ReturnType<typeof row>[]): SizeResult => ({
  nodes: relationships / 10,
  relationships,
  store: 'embedded',
  load: null,
  typical: { id: 'a', degree: 1 },
  hub: { id: 'b', degree: 2 },
  cases,
  throughput: {
    endpoint: '/',
    api: { requestsPerSecond: 1, latencyP99: 1, non2xx: 0, errors: 0, serverCpuMsPerRequest: 1 },
    hello: { requestsPerSecond: 2, latencyP99: 1, non2xx: 0, errors: 0, serverCpuMsPerRequest: 1 },
    ratio: 0.5,
  },
  memory: {
    availableBeforeLoadMb: 1,
    lowestAvailableMb: 1,
    storeFileMb: 1,
    server: { readyMb: 1, peakMb: 1 },
    workers: [],
    directHandleMb: 1,
  },
  separate: false,
  loadAverage: { start: '', end: '' },
});

describe('stats', () => {
  it('when given samples, gives the nearest-rank median and percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(stats(samples)).toMatchObject({ n: 100, median: 50, p95: 95, p99: 99, min: 1, max: 100 });
  });
});

describe('growth', () => {
  it('when two sizes were measured, gives each row at the last over the first', () => {
    const rows = growth([
      size(1_000_000, [row('search', 2, 4), row('only here', 1, 1)]),
      size(10_000_000, [row('search', 5, 12)]),
    ]);
    expect(rows).toEqual([{ name: 'search', apiMedian: 2.5, apiP99: 3, directMedian: 2.5 }]);
  });

  it('when one size was measured, gives nothing', () => {
    expect(growth([size(1000, [row('search', 1, 1)])])).toEqual([]);
  });
});

describe('targets', () => {
  it("when a row misses issue 15's goal, says by how much", () => {
    const found = targets(size(1_000_000, [row('1-hop, hub', 20, 75)])).find((t) => t.name === '1-hop p99, hub');
    expect(found).toMatchObject({ target: '< 50 ms', met: false, factor: 1.5 });
  });
});

describe('withNotes', () => {
  it('when the file it replaces has notes, keeps them after the new report', () => {
    const previous = `# old report\n\n${NOTES_MARKER}\n\n## Notes\nkept`;
    expect(withNotes('# new report', previous)).toBe(`# new report\n${NOTES_MARKER}\n\n## Notes\nkept`);
  });

  it('when the file it replaces has none, is the report alone', () => {
    expect(withNotes('# new report', '# old report')).toBe('# new report\n');
    expect(withNotes('# new report', undefined)).toBe('# new report\n');
  });
});
