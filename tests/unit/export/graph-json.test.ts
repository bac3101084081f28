import { describe, expect, it } from 'vitest';
import { fileText } from '../../../server/domain/export/chunks.ts';
import { jsonFormat, toGraphJson } from '../../../server/domain/export/json.ts';
import { GraphNode, GraphRelationship } from '../../../server/store/graph-values.ts';

const rus = new GraphNode('country:RUS', ['Country', 'Entity'], { name: 'Russia', searchText: 'russia', id: 'x' });
const chn = new GraphNode('country:CHN', ['Country', 'Entity'], { name: 'China' });
const trade = new GraphRelationship('rel:t', 'TRADES_WITH', 'country:CHN', 'country:RUS', {
  type: 'a property named type',
  date: '2024-01-01',
});
const source = new GraphNode('source:a', ['Source', 'Entity'], { title: 'An article' });

describe('toGraphJson', () => {
  it('when nodes are written, each keeps its id and labels, its visible properties apart', () => {
    expect(toGraphJson({ nodes: [rus], relationships: [] }).nodes).toEqual([
      { id: 'country:RUS', labels: ['Country', 'Entity'], properties: { name: 'Russia', id: 'x' } },
    ]);
  });

  it('when a property is named like a structural field, it cannot clash with it', () => {
    const [relationship] = toGraphJson({ nodes: [chn, rus], relationships: [trade] }).relationships;
    expect(relationship).toEqual({
      id: 'rel:t',
      type: 'TRADES_WITH',
      source: 'country:CHN',
      target: 'country:RUS',
      properties: { type: 'a property named type', date: '2024-01-01' },
    });
  });

  it('when citations are not asked for, there is no sources member', () => {
    expect(toGraphJson({ nodes: [], relationships: [] })).not.toHaveProperty('sources');
  });

  it('when citations are asked for, the sources are written as nodes', () => {
    const json = toGraphJson({ nodes: [], relationships: [], citations: { sources: [source], links: [] } });
    expect(json.sources).toEqual([
      { id: 'source:a', labels: ['Source', 'Entity'], properties: { title: 'An article' } },
    ]);
  });
});

describe('jsonFormat', () => {
  it('when written, the file is the graph JSON, indented, ending in a newline', () => {
    const text = fileText(jsonFormat.write({ nodes: [chn], relationships: [] }, 'kg', new Date()));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(toGraphJson({ nodes: [chn], relationships: [] }));
    expect(text).toContain('\n  "nodes"');
  });
});
