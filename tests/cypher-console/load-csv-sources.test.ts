import { getDebugTree } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { loadCsvSources } from '../../server/cypher-console/load-csv-sources.ts';
import { checkParsed } from '../../server/cypher-console/parsed-guard.ts';
import { checkReadOnly } from '../../server/cypher-console/write-guard.ts';

const sourcesOf = (query: string) => loadCsvSources(query, getDebugTree(query));

const loads = [
  "LOAD CSV FROM 'file:///people.csv' AS l RETURN l",
  'load csv with headers from "people.csv" AS l RETURN l',
  "LOAD/**/CSV FROM 'people.csv' AS l RETURN l",
  "CALL () { LOAD CSV FROM 'people.csv' AS l RETURN l } RETURN l",
  "RETURN COLLECT { LOAD CSV FROM 'people.csv' AS l RETURN l } AS lines",
  'LOAD CSV FROM $file AS l RETURN l',
];

describe('LOAD CSV on a read-only server', () => {
  it.each(loads)('when the query is %s, both locks refuse it as reading files', (query) => {
    expect(checkReadOnly(query)).toMatchObject({ ok: false, kind: 'write' });
    expect(checkParsed(query)).toMatchObject({ ok: false, kind: 'write' });
  });
});

describe('where LOAD CSV reads from', () => {
  it('when a query has no LOAD CSV, it has no sources', () => {
    expect(sourcesOf("MATCH (n {load: 'x'}) RETURN n.load AS load")).toEqual({ ok: true, sources: [] });
  });

  it.each([
    ["LOAD CSV FROM 'file:///a.csv' AS l RETURN l", [{ start: 14, end: 29, url: 'file:///a.csv' }]],
    [
      'LOAD CSV WITH HEADERS FROM "a.csv" AS a /* x */ CALL () { LOAD CSV FROM \'b/c.csv\' AS b RETURN b } RETURN a, b',
      [
        { start: 27, end: 34, url: 'a.csv' },
        { start: 72, end: 81, url: 'b/c.csv' },
      ],
    ],
  ])('when the query is %s, each FROM literal is found where it is', (query, sources) => {
    const found = sourcesOf(query);
    expect(found).toEqual({ ok: true, sources });
    for (const { start, end, url } of sources) expect(query.slice(start + 1, end - 1)).toBe(url);
  });

  it.each([
    ['a parameter', 'LOAD CSV FROM $file AS l RETURN l'],
    ['a variable', "WITH 'a.csv' AS f LOAD CSV FROM f AS l RETURN l"],
    ['a concatenation', "LOAD CSV FROM 'a' + '.csv' AS l RETURN l"],
    ['a literal with an escape', "LOAD CSV FROM 'a\\u002ecsv' AS l RETURN l"],
  ])('when FROM is %s, it is refused: only a plain string literal can be checked', (_what, query) => {
    expect(sourcesOf(query)).toMatchObject({ ok: false, reason: expect.stringContaining('string literal') });
  });
});
