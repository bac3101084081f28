import { describe, expect, it } from 'vitest';
import { newestFirst, parseRecent, serialiseRecent } from '../../server/domain/hub-summaries.ts';
import { GraphRelationship } from '../../server/store/graph-values.ts';

const rel = (id: string, date?: string) =>
  new GraphRelationship(id, 'MET_WITH', 'a', 'b', date === undefined ? {} : { date });

describe('newestFirst', () => {
  it.each([
    ['a later date', rel('r:2', '2025-01-02'), rel('r:1', '2025-01-01')],
    ['the same date and a smaller id', rel('r:1', '2025-01-01'), rel('r:2', '2025-01-01')],
    ['no date (Cypher puts nulls first when descending)', rel('r:9'), rel('r:1', '2030-01-01')],
    ['no date either and a smaller id', rel('r:1'), rel('r:2')],
    ['an id that sorts first by code unit', rel('r:B', '2025-01-01'), rel('r:a', '2025-01-01')],
  ])('when the first has %s, it comes first', (_, first, second) => {
    expect(newestFirst(first, second)).toBeLessThan(0);
    expect(newestFirst(second, first)).toBeGreaterThan(0);
  });

  it('when both are the same relationship, they tie', () => {
    expect(newestFirst(rel('r:1', '2025-01-01'), rel('r:1', '2025-01-01'))).toBe(0);
  });
});

describe('serialiseRecent', () => {
  it('when parsed back, gives the same relationships, neighbours and order', () => {
    const relationship = new GraphRelationship('rel:1', 'VISITED', 'person:a', 'country:B', {
      date: '2024-05-16',
      sources: ['source:x'],
      quote: 'He said "yes" — ünïcödé.',
      big: '9007199254740993',
    });
    const recent = [
      { relationship, neighbourId: 'country:B' },
      { relationship: rel('r:2', '2024-01-01'), neighbourId: 'b' },
    ];
    const parsed = parseRecent(serialiseRecent(recent));
    expect(parsed[0]!.relationship).toBeInstanceOf(GraphRelationship);
    expect(parsed).toEqual(recent);
  });

  it('when empty, parses back empty', () => {
    expect(parseRecent(serialiseRecent([]))).toEqual([]);
  });
});
