import { describe, expect, it } from 'vitest';
import {
  SubgraphBuilder,
  caption,
  storedProperties,
  toEdgeElement,
  toElements,
  toJson,
  toNodeElement,
  visibleProperties,
} from '../../server/domain/elements.ts';
import { GraphNode, GraphPath, GraphRelationship } from '../../server/store/graph-values.ts';

const node = (id: string, properties: Record<string, unknown> = {}) => new GraphNode(id, ['Entity'], properties);
const rus = node('country:RUS', { name: 'Russia', searchName: 'russia', hubDegree: 9 });
const chn = node('country:CHN', { name: 'China' });
const trade = new GraphRelationship('rel:t', 'TRADES_WITH', 'country:CHN', 'country:RUS', {
  date: '2024-01-01',
  searchText: 'x',
});

describe('caption', () => {
  it.each([
    ['a name', { name: 'Russia', title: 'T' }, 'Russia'],
    ['a title and no name', { title: 'An article' }, 'An article'],
    ['an empty name and a title', { name: '', title: 'An article' }, 'An article'],
    ['neither', {}, 'x:1'],
    ['a name that is not text', { name: 7 }, 'x:1'],
  ])('when a node has %s, its caption is %j', (_case, properties, expected) => {
    expect(caption(node('x:1', properties))).toBe(expected);
  });
});

describe('toJson', () => {
  it.each([
    ['null', () => null, null],
    ['undefined', () => undefined, null],
    ['a finite number', () => 1.5, 1.5],
    ['an infinite number', () => Infinity, 'Infinity'],
    ['NaN', () => NaN, 'NaN'],
    ['a safe bigint', () => 42n, 42],
    ['an unsafe bigint', () => 9007199254740993n, '9007199254740993'],
    ['a string', () => 'a', 'a'],
    ['a boolean', () => false, false],
    ['a list', () => [1, null, [2n]], [1, null, [2]]],
    ['a map', () => ({ a: { b: 3n } }), { a: { b: 3 } }],
  ])('when the value is %s, it becomes %j', (_case, value, expected) => {
    // values are made in the test: a bigint cannot be serialised into a test name
    expect(toJson(value())).toEqual(expected);
  });

  it('when the value is a node, it becomes its element data', () => {
    expect(toJson(chn)).toEqual({ id: 'country:CHN', label: 'China', labels: ['Entity'], name: 'China' });
  });

  it('when the value is a relationship, it becomes its edge data', () => {
    expect(toJson(trade)).toMatchObject({
      id: 'rel:t',
      source: 'country:CHN',
      target: 'country:RUS',
      type: 'TRADES_WITH',
    });
  });

  it('when the value is a path, it becomes its nodes and edges in order', () => {
    const json = toJson(new GraphPath([chn, rus], [trade])) as { nodes: { id: string }[]; edges: { id: string }[] };
    expect(json.nodes.map((n) => n.id)).toEqual(['country:CHN', 'country:RUS']);
    expect(json.edges.map((e) => e.id)).toEqual(['rel:t']);
  });
});

describe('visibleProperties and storedProperties', () => {
  it('when properties hold derived search and hub fields, the visible ones leave them out', () => {
    expect(visibleProperties(rus.properties)).toEqual({ name: 'Russia' });
  });

  it('when properties hold derived fields, the stored ones keep them', () => {
    expect(storedProperties(rus.properties)).toEqual({ name: 'Russia', searchName: 'russia', hubDegree: 9 });
  });

  it.each([visibleProperties, storedProperties])('when a property is null or undefined, %o leaves it out', (pick) => {
    expect(pick({ a: null, b: undefined, c: 0 })).toEqual({ c: 0 });
  });
});

describe('toNodeElement and toEdgeElement', () => {
  it('when a node becomes an element, its data holds its id, caption, labels and visible properties', () => {
    expect(toNodeElement(rus)).toEqual({
      group: 'nodes',
      data: { id: 'country:RUS', label: 'Russia', labels: ['Entity'], name: 'Russia' },
    });
  });

  it('when a property is named like an element field, the element field wins', () => {
    expect(toNodeElement(node('x:1', { id: 'other', label: 'other' })).data).toMatchObject({ id: 'x:1', label: 'x:1' });
  });

  it('when a relationship becomes an element, its data holds its id, ends, type and visible properties', () => {
    expect(toEdgeElement(trade)).toEqual({
      group: 'edges',
      data: { id: 'rel:t', source: 'country:CHN', target: 'country:RUS', type: 'TRADES_WITH', date: '2024-01-01' },
    });
  });
});

describe('SubgraphBuilder', () => {
  it('when values repeat, each node and relationship is kept once, in first-seen order', () => {
    const builder = new SubgraphBuilder();
    builder.addValue([rus, chn, rus, trade, trade]);
    expect(builder.subgraph()).toEqual({ nodes: [rus, chn], relationships: [trade] });
  });

  it('when graph values sit in maps, lists and paths, it finds them', () => {
    const builder = new SubgraphBuilder();
    builder.addValue({ row: [{ p: new GraphPath([chn, rus], [trade]) }], n: 1, s: 'x', nothing: null });
    expect(builder.subgraph()).toEqual({ nodes: [chn, rus], relationships: [trade] });
  });

  it("when a relationship's ends are not among the nodes, they are listed as missing", () => {
    const builder = new SubgraphBuilder();
    builder.addValue([trade, chn]);
    expect(builder.missingEnds()).toEqual(['country:RUS']);
  });

  it('when nothing is added, the subgraph is empty', () => {
    const builder = new SubgraphBuilder();
    builder.addValue(undefined);
    expect(builder.subgraph()).toEqual({ nodes: [], relationships: [] });
  });
});

describe('toElements', () => {
  it('when a subgraph becomes elements, its nodes and relationships map in order', () => {
    const elements = toElements({ nodes: [chn, rus], relationships: [trade] });
    expect(elements.nodes.map((n) => n.data.id)).toEqual(['country:CHN', 'country:RUS']);
    expect(elements.edges.map((e) => e.data.id)).toEqual(['rel:t']);
  });
});
