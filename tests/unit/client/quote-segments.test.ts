import { describe, expect, it } from 'vitest';
import { quoteRuns } from '../../../client/src/evidence/quote-segments.ts';

const span = (relationshipId: string, start: number, end: number) => ({ relationshipId, start, end });

describe('an article cut by its quotes', () => {
  it('when there are no quotes, the text is one plain run', () => {
    expect(quoteRuns(10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it('when quotes lie apart, plain and quoted runs alternate', () => {
    expect(quoteRuns(20, [span('a', 2, 5), span('b', 10, 20)])).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 10, ids: [] },
      { start: 10, end: 20, ids: ['b'] },
    ]);
  });

  it('when quotes overlap, the shared part belongs to both', () => {
    expect(quoteRuns(12, [span('a', 2, 8), span('b', 5, 10)])).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 8, ids: ['a', 'b'] },
      { start: 8, end: 10, ids: ['b'] },
      { start: 10, end: 12, ids: [] },
    ]);
  });

  it('when several relationships quote the same passage, it is one run for all of them', () => {
    expect(quoteRuns(6, [span('a', 1, 4), span('b', 1, 4), span('c', 1, 4)])).toEqual([
      { start: 0, end: 1, ids: [] },
      { start: 1, end: 4, ids: ['a', 'b', 'c'] },
      { start: 4, end: 6, ids: [] },
    ]);
  });

  it('when a quote runs on from another that starts with it, the runs split where the shorter ends', () => {
    expect(quoteRuns(10, [span('a', 0, 4), span('b', 0, 9)]).map((run) => run.ids)).toEqual([['a', 'b'], ['b'], []]);
  });

  it('when a span reaches outside the text or is empty, it is cut to the text or dropped', () => {
    expect(quoteRuns(5, [span('a', -3, 2), span('b', 4, 99), span('c', 3, 3)])).toEqual([
      { start: 0, end: 2, ids: ['a'] },
      { start: 2, end: 4, ids: [] },
      { start: 4, end: 5, ids: ['b'] },
    ]);
  });

  it('when the runs are joined again, they give back the whole text in order', () => {
    const runs = quoteRuns(30, [span('a', 3, 12), span('b', 8, 20), span('c', 25, 28)]);
    expect(runs[0]!.start).toBe(0);
    expect(runs.at(-1)!.end).toBe(30);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBe(runs[i - 1]!.end);
  });
});
