import { describe, expect, it } from 'vitest';
import { withCitations } from '../../../server/domain/export/citations.ts';
import { GraphNode, GraphRelationship } from '../../../server/store/graph-values.ts';

const a = new GraphNode('a', ['Entity'], { id: 'a' });
const s = new GraphNode('s', ['Entity', 'Source'], { id: 's' });
const r = new GraphRelationship('r', 'VISITED', 'a', 'a', { id: 'r', sources: ['s'] });
const link = new GraphRelationship('cites:r:s', 'CITES', 'a', 's', { id: 'cites:r:s', relationship: 'r' });

describe('withCitations', () => {
  it('when the graph has no citations, it is the graph', () => {
    expect(withCitations({ nodes: [a], relationships: [r] })).toEqual({ nodes: [a], relationships: [r] });
  });

  it('when a cited source is already among the nodes, it is not added twice', () => {
    const graph = withCitations({ nodes: [a, s], relationships: [r], citations: { sources: [s], links: [link] } });
    expect(graph).toEqual({ nodes: [a, s], relationships: [r, link] });
  });

  it('when a cited source is not among the nodes, it is added with the links', () => {
    const graph = withCitations({ nodes: [a], relationships: [r], citations: { sources: [s], links: [link] } });
    expect(graph).toEqual({ nodes: [a, s], relationships: [r, link] });
  });
});
