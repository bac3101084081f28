import { describe, expect, it } from 'vitest';
import {
  GraphNode,
  GraphPath,
  GraphRelationship,
  decodeValue,
  encodeValue,
  type Value,
} from '../../server/store/graph-values.ts';

const rus = new GraphNode('country:RUS', ['Country', 'Entity'], { name: 'Russia' });
const chn = new GraphNode('country:CHN', ['Country', 'Entity'], { name: 'China' });
const trade = new GraphRelationship('rel:t', 'TRADES_WITH', 'country:CHN', 'country:RUS', { date: '2024-01-01' });

describe('encodeValue and decodeValue (the worker protocol)', () => {
  it.each<[string, Value]>([
    ['a number', 42],
    ['a string', 'text'],
    ['a boolean', true],
    ['null', null],
    ['a list', [1, 'a', null]],
    ['a map', { k: [true], nested: { x: 1 } }],
  ])('when %s is encoded, it decodes to an equal value', (_kind, value) => {
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });

  it('when a node is encoded, it decodes to a GraphNode with its id, labels and properties', () => {
    const decoded = decodeValue(encodeValue(rus));
    expect(decoded).toBeInstanceOf(GraphNode);
    expect(decoded).toEqual(rus);
  });

  it('when a relationship is encoded, it decodes to a GraphRelationship with its ends', () => {
    const decoded = decodeValue(encodeValue(trade));
    expect(decoded).toBeInstanceOf(GraphRelationship);
    expect(decoded).toEqual(trade);
  });

  it('when a path is encoded, it decodes to a GraphPath of graph values in order', () => {
    const decoded = decodeValue(encodeValue(new GraphPath([chn, rus], [trade]))) as GraphPath;
    expect(decoded).toBeInstanceOf(GraphPath);
    expect(decoded.nodes.map((node) => node.id)).toEqual(['country:CHN', 'country:RUS']);
    expect(decoded.nodes[0]).toBeInstanceOf(GraphNode);
    expect(decoded.relationships[0]).toBeInstanceOf(GraphRelationship);
  });

  it('when graph values sit inside lists and maps, they decode to graph values', () => {
    const decoded = decodeValue(encodeValue({ row: [rus, { r: trade }] })) as { row: [GraphNode, { r: unknown }] };
    expect(decoded.row[0]).toBeInstanceOf(GraphNode);
    expect(decoded.row[1].r).toBeInstanceOf(GraphRelationship);
  });

  it('when a map has a key that looks like a tag, it stays a map', () => {
    const value = { $node: 'not a node' };
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });

  it('when a value is encoded, the result survives structured cloning (no class instances)', () => {
    const encoded = encodeValue([rus, trade, new GraphPath([chn, rus], [trade])]);
    expect(decodeValue(structuredClone(encoded))).toEqual([rus, trade, new GraphPath([chn, rus], [trade])]);
  });
});
