import { describe, expect, it } from 'vitest';
import {
  cypherName,
  neighborhoodTypeCountsFor,
  pathsFor,
  queryNames,
  queryText,
  queryWith,
} from '../../server/store/queries.ts';

describe('cypherName', () => {
  it.each([
    ['label', 'Country'],
    ['label', 'Organization2'],
    ['type', 'TRADES_WITH'],
    ['type', 'MET_WITH_2'],
  ] as const)('when a %s has the safe shape (%s), it is accepted as it is', (kind, name) => {
    expect(cypherName(kind, name)).toBe(name);
  });

  it.each([
    ['label', 'country'],
    ['label', 'Country`) DETACH DELETE (n'],
    ['label', 'Coun try'],
    ['label', 'Country:Person'],
    ['label', ''],
    ['label', 'L\\u0060'],
    ['type', 'trades_with'],
    ['type', 'VISITED|SANCTIONS'],
    ['type', 'VISITED*..9'],
    ['type', 'ÄTTACKED'],
  ] as const)('when a %s is not of the safe shape (%j), it throws naming it', (kind, name) => {
    expect(() => cypherName(kind, name)).toThrow(`"${name}"`);
  });
});

describe('queryWith', () => {
  it('when types are given, the pattern names them as alternatives', () => {
    expect(pathsFor(['VISITED', 'MET_WITH']).text).toContain('[:VISITED|MET_WITH*..6]');
  });

  it('when no types are given, the pattern matches any type', () => {
    expect(pathsFor([]).text).toContain('[*..6]');
  });

  it('when a file has a placeholder the caller leaves unfilled, it throws', () => {
    expect(() => queryWith('upsert-nodes', {})).toThrow(/needs a label for __LABEL__/);
  });

  it('when the caller fills a placeholder the file does not have, it throws', () => {
    expect(() => queryWith('counts', { label: cypherName('label', 'Country') })).toThrow(/has no __LABEL__/);
  });
});

describe('queryText', () => {
  it.each(queryNames)('when %s.cypher is read, every {{fragment}} is expanded', (name) => {
    expect(queryText(name)).not.toMatch(/\{\{[a-z-]+\}\}/);
  });

  it('when a fragment is used, its predicate is in the text without its comment', () => {
    const text = queryText('neighborhood-step');
    expect(text).toContain('coalesce(r.dateEnd, r.date) >= $from');
    expect(text).not.toContain("r's date falls in");
  });

  it('when a fragment spans several lines, it is included on one line', () => {
    const dateLine = queryText('neighborhood-step')
      .split('\n')
      .find((line) => line.includes('$from'));
    expect(dateLine).toContain('$to');
  });

  it('when a query repeats a line per type, the fragment on it is repeated whole', () => {
    const text = neighborhoodTypeCountsFor(['VISITED', 'MET_WITH']).text;
    expect(text.match(/\$to IS NULL/g)).toHaveLength(2);
  });
});
