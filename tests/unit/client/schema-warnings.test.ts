import { describe, expect, it } from 'vitest';
import type { SchemaResponse } from '../../../common/api.ts';
import { nearest, schemaWarnings } from '../../../client/src/console/schema-warnings.ts';

const schema: SchemaResponse = {
  labels: [
    { label: 'Country', count: 9 },
    { label: 'Person', count: 40 },
    { label: 'Entity', count: 60 },
  ],
  relationshipTypes: [
    { type: 'VISITED', count: 12 },
    { type: 'MET_WITH', count: 8 },
  ],
  propertyKeys: ['id', 'name', 'date', 'role'],
};

const names = (query: string) => schemaWarnings(query, schema).map((w) => [w.kind, w.name, w.suggestion]);

describe('warnings for names the database does not have', () => {
  it('when a label is misspelt, warns with the nearest label and marks where it is', () => {
    const query = 'MATCH (c:Contry) RETURN c';
    const [warning] = schemaWarnings(query, schema);
    expect(warning).toMatchObject({ kind: 'label', name: 'Contry', suggestion: 'Country' });
    expect(query.slice(warning!.from, warning!.to)).toBe('Contry');
    expect(warning!.message).toBe('The database has no label Contry; did you mean Country?');
  });

  it.each([
    ['MATCH (a)-[:VISTED]->(b) RETURN a', [['relationship type', 'VISTED', 'VISITED']]],
    ["MATCH (p:Person {nme: 'Li'}) RETURN p", [['property key', 'nme', 'name']]],
    ['MATCH (p:Person) WHERE p.rol = 1 RETURN p', [['property key', 'rol', 'role']]],
    ['MATCH (p:person) RETURN p', [['label', 'person', 'Person']]],
    ['MATCH (p:Spaceship) RETURN p', [['label', 'Spaceship', undefined]]],
  ])('when the query is %s, warns of %j', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });

  it.each([
    ['MATCH (c:Country)-[:VISITED|MET_WITH]-(p:Person) RETURN c.name, p.role'],
    ["MATCH (c:Country) WHERE c.name = ':Contry' RETURN c // :Contry"],
    ['RETURN {count: 1, total: 2} AS m'],
    ['MATCH (c:`Country`) RETURN c'],
  ])('when every name exists (or is not one), warns of nothing: %s', (query) => {
    expect(schemaWarnings(query, schema)).toEqual([]);
  });

  it('when the query does not parse, warns of what it can read and does not throw', () => {
    expect(() => schemaWarnings('MATCH (c:Contry RETURN', schema)).not.toThrow();
  });

  it.each([
    ['Contry', 'Country'],
    ['VISTED', 'VISITED'],
    ['zzzzzz', undefined],
  ])('when the nearest to %s is asked, it is %s', (name, expected) => {
    expect(nearest(name, ['Country', 'VISITED', 'Person'])).toBe(expected);
  });
});
