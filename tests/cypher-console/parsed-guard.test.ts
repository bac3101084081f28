// The parsed check alone (Neo4j's grammar): what it lets through and how it names what it refuses.
// The batteries (write-attempts.ts, escape-attempts.ts) run against it in escape-battery.test.ts.
import { describe, expect, it } from 'vitest';
import { checkParsed } from '../../server/cypher-console/parsed-guard.ts';
import { readsThatLookLikeWrites, writeAttempts } from '../fixtures/write-attempts.ts';

const reads = [
  ...readsThatLookLikeWrites.map((read) => read.query),
  "MATCH p = shortestPath((a:Entity {id: 'country:RUS'})-[*..5]-(b:Entity {id: 'country:UKR'})) RETURN p",
  'MATCH (n:Country) WHERE EXISTS { MATCH (n)-[:TRADES_WITH]->() } RETURN n.name AS name ORDER BY name',
  'MATCH (n) RETURN COUNT { (n)--() } AS degree, COLLECT { MATCH (n)-->(m) RETURN m.id } AS out LIMIT 5',
  'MATCH (n) CALL (n) { MATCH (n)-[r]->() RETURN count(r) AS c } RETURN n.id, c',
  'MATCH (a:Country) RETURN a.id AS id UNION MATCH (b:Person) RETURN b.id AS id',
  "RETURN date.truncate('month', date('2024-08-21')) AS d, duration.between(date('2024-01-01'), date()) AS since",
  'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
  'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n',
  'EXPLAIN MATCH (n) RETURN n',
  'MATCH (n) RETURN n LIMIT 1;',
  'MATCH (n) // a comment\nRETURN n /* another */',
  'MATCH (n) RETURN n.`set` AS `create`, {delete: 1} AS m',
];

// Only the lexical check refuses this: the parser reads the unterminated string as an error it
// recovers from, and Neo4j refuses the query itself.
const leftToTheLexicalCheck = new Set(['unterminated string hiding a write']);

describe('the parsed check', () => {
  it.each(reads)('when the query only reads, it passes: %s', (query) => {
    expect(checkParsed(query)).toEqual({ ok: true });
  });

  it.each(writeAttempts.filter((attempt) => !leftToTheLexicalCheck.has(attempt.name)))(
    'when the query is "$name", it is refused',
    ({ query }) => {
      expect(checkParsed(query).ok).toBe(false);
    },
  );

  it.each([
    ["CALL `apoc`.`load`.`json`('x') YIELD value RETURN value", 'write', /procedure apoc\.load\.json /],
    ["RETURN `apoc`.cypher.runFirstColumnSingle('RETURN 1', {}) AS v", 'write', /function apoc\.cypher/],
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'write', /LOAD CSV reads files/],
    ['SHOW USERS', 'write', /administration/],
    ['USE system MATCH (n) RETURN n', 'write', /another database/],
    ['MATCH (n) RETURN n; MATCH (m) RETURN m', 'invalid', /one statement/],
    ['MATCH (n) СREATE (:Evil)', 'invalid', /cannot read the query from offset 10/],
    [`RETURN ${'('.repeat(3000)}1${')'.repeat(3000)}`, 'invalid', /nested too deeply/],
  ])('when the query is %j, the refusal says why', (query, kind, reason) => {
    expect(checkParsed(query)).toMatchObject({ ok: false, kind, reason: expect.stringMatching(reason) });
  });
});
