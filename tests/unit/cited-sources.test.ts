import { describe, expect, it } from 'vitest';
import { citedSourceIds } from '../../server/domain/cited-sources.ts';
import { GraphRelationship } from '../../server/store/graph-values.ts';

const relationship = (id: string, sources: unknown) =>
  new GraphRelationship(id, 'CITED', 'a', 'b', sources === undefined ? {} : ({ sources } as never));

describe('citedSourceIds', () => {
  it('when relationships cite sources, it lists each once in the order first cited', () => {
    const ids = citedSourceIds([
      relationship('r1', ['source:b', 'source:a']),
      relationship('r2', ['source:a', 'source:c']),
    ]);
    expect(ids).toEqual(['source:b', 'source:a', 'source:c']);
  });

  it.each([
    ['no sources property', undefined],
    ['a sources property that is not a list', 'source:a'],
    ['a list with no strings', [1, null]],
  ])('when a relationship has %s, it cites nothing', (_case, sources) => {
    expect(citedSourceIds([relationship('r', sources)])).toEqual([]);
  });
});
