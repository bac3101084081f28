import { describe, expect, it } from 'vitest';
import { headerOf, importCell, importPlan } from '../../../server/domain/export/neo4j-import.ts';
import { GraphNode, GraphRelationship } from '../../../server/store/graph-values.ts';

const node = (id: string, labels: string[], properties: Record<string, unknown> = {}) =>
  new GraphNode(id, labels, { id, ...properties });

describe('importPlan', () => {
  it.each([
    [[['a', 'b']], ';'],
    [[['a;b']], '|'],
    [[['a;b', 'c|d', 'e^f', 'g~h']], '¦'],
  ])('when lists hold %j, the array delimiter is %j', (lists, delimiter) => {
    const nodes = lists.map((list, i) => node(`n${i}`, ['Entity', 'Thing'], { list }));
    expect(importPlan(nodes, []).arrayDelimiter).toBe(delimiter);
  });

  it('when a label holds the usual delimiter, another is chosen (labels share it in :LABEL)', () => {
    expect(importPlan([node('n', ['Entity', 'A;B'])], []).arrayDelimiter).toBe('|');
  });

  it('when nodes share a label set in any order, they share a file named after it', () => {
    const plan = importPlan(
      [node('a', ['Entity', 'Country']), node('b', ['Country', 'Entity']), node('c', ['Entity'])],
      [],
    );
    expect(plan.nodes.map((file) => [file.file, file.items.map((n) => n.id)])).toEqual([
      ['nodes-Country.csv', ['a', 'b']],
      ['nodes-Entity.csv', ['c']],
    ]);
  });

  it('when names turn into the same file name, the later file is numbered', () => {
    const plan = importPlan([node('a', ['A B']), node('b', ['A_B'])], []);
    expect(plan.nodes.map((file) => file.file)).toEqual(['nodes-A_B.csv', 'nodes-A_B-2.csv']);
  });

  it("when relationships are planned, each type has a file with neo4j-admin's headers and an id column", () => {
    const r = new GraphRelationship('r1', 'VISITED', 'a', 'b', { id: 'r1', date: '2024-01-01', count: 2 });
    const plan = importPlan([node('a', ['Entity']), node('b', ['Entity'])], [r]);
    expect(plan.relationships[0]).toMatchObject({
      file: 'relationships-VISITED.csv',
      headers: [':START_ID', ':END_ID', ':TYPE', 'count:long', 'date:string', 'id:string'],
    });
  });
});

describe('headerOf and importCell', () => {
  it.each([
    [{ name: 'n', type: 'long', list: false, mixed: false }, 'n:long'],
    [{ name: 'a:b', type: 'string', list: true, mixed: false }, 'a:b:string[]'],
    [{ name: 'm', type: 'string', list: false, mixed: true }, 'm:string'],
  ] as const)('when the column is %j, its header is %s', (column, header) => {
    expect(headerOf(column)).toBe(header);
  });

  it.each([
    [['a', '', 'b'], 'a;;b'],
    [[1, 2], '1;2'],
    ['', ''],
    [null, null],
  ])('when the value is %j, the cell is %j', (value, cell) => {
    expect(importCell(value, { name: 'x', type: 'string', list: true, mixed: false }, ';')).toBe(cell);
  });
});
