// Finding the embedded engine's known differences in a query's parse tree: each example is found,
// the portable form is not, and the app's own queries (cypher/) use none of them.
import { getDebugTree } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { differencesIn, embeddedDifferences } from '../../server/cypher-console/embedded-differences.ts';
import { queryNames, queryText } from '../../server/store/queries.ts';

const found = (query: string) => differencesIn(getDebugTree(query));

describe('the known differences', () => {
  it.each(embeddedDifferences.map((difference) => [difference.id, difference.example]))(
    'when a query uses the construct of %s, it is found',
    (id, example) => {
      expect(found(example)).toEqual([id]);
    },
  );

  it.each([
    ['elements compared one by one', 'RETURN [1, 2][0] = 1 AND x IS NULL AS r'],
    [
      'nulls filtered before a predicate',
      'RETURN none(x IN [y IN [1] WHERE y IS NOT NULL] | x) AS r'.replace(' | x', ''),
    ],
    ['an explicit conversion', "RETURN toFloat('1.0') = 1.0 AS r, toString(1) IN ['1', '2'] AS s"],
    ['numbers ordered', 'RETURN 2 >= 1 AS r, [1, 0][0] >= 1 AS s'],
    ['a temporal constructor', "RETURN date({year: 2024, month: 8, day: 1}) AS r, date('2024-08-21') AS d"],
    [
      'milliseconds',
      "RETURN localdatetime('2024-01-02T03:04:05.123') AS r, datetime('2024-01-02T03:04:05.123456Z') AS d",
    ],
    ['a variable passed on by WITH', 'MATCH (c)-[r]->() WITH c, r WHERE r IS NULL RETURN c'],
    ['a WHERE on what WITH made', 'MATCH (c) WITH c, count(*) AS k WHERE k > 1 RETURN c'],
    ['a named path with a relationship', 'MATCH p = (a)-[r]->(b) RETURN p LIMIT 1'],
    ['a range in order', 'MATCH (a)-[:T*1..2]->(b) RETURN b LIMIT 1'],
    ['a negative index', 'RETURN [1, 2, 3][-1] AS r, [1, 2, 3][1..] AS s'],
    ['one power', 'RETURN 2 ^ 3 AS r, (2 ^ 3) ^ 2 AS s'],
    ['a named aggregate', 'MATCH (n) RETURN n, count(*) AS c'],
    ['booleans combined', 'MATCH (n) RETURN n.x > 1 AND NOT n.y AS r'],
    ['a new variable created', "MATCH (a {id: 'x'}) CREATE (a)-[:R]->(b)"],
  ])('when a query uses %s, nothing is found', (_case, query) => {
    expect(found(query)).toEqual([]);
  });

  it.each(queryNames)("the app's query %s uses none of them", (name) => {
    expect(found(queryText(name))).toEqual([]);
  });
});
