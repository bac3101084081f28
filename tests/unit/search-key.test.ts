import { describe, expect, it } from 'vitest';
import {
  maxPrefixLength,
  searchKey,
  searchPrefixes,
  searchProperties,
  searchTerms,
} from '../../server/domain/search-key.ts';

describe('searchPrefixes', () => {
  it('when a name has words, holds every start of each from two characters', () => {
    expect(searchPrefixes('Li Qiang', [], 'x:1').split(' ')).toEqual(['li', 'qi', 'qia', 'qian', 'qiang']);
  });

  it('when given aliases and an id, adds their words, the id by its last segment only', () => {
    const terms = searchPrefixes('Russia', ['Kremlin'], 'country:RUS').split(' ');
    expect(terms).toEqual(expect.arrayContaining(['russia', 'kremlin', 'kr', 'rus']));
    expect(terms).not.toContain('country');
  });

  it('when a word has accents or capitals, holds it as search normalises queries', () => {
    expect(searchPrefixes('Zelénskyy', [], 'p:z').split(' ')).toContain('zelenskyy');
  });

  it('when a word is longer than the longest prefix, stops there', () => {
    const long = 'a'.repeat(maxPrefixLength + 5);
    expect(
      Math.max(
        ...searchPrefixes(long, [], 'x:1')
          .split(' ')
          .map((term) => term.length),
      ),
    ).toBe(maxPrefixLength);
  });

  it('when words repeat, holds each term once', () => {
    const terms = searchPrefixes('Li Li', ['li'], 'person:li').split(' ');
    expect(terms).toEqual(['li']);
  });
});

describe('searchTerms', () => {
  it.each([
    ['kovalenko', ['kovalenko']],
    ['anna kov', ['anna', 'kov']],
    ['li q', ['li']],
    ['country:ukr', ['country', 'ukr']],
    ['r', []],
    ['a b', []],
  ])('when the query is "%s", asks the index for %j', (q, terms) => {
    expect(searchTerms(searchKey(q))).toEqual(terms);
  });

  it('when a query word is longer than the longest prefix, asks for its indexed start', () => {
    expect(searchTerms('b'.repeat(maxPrefixLength + 3))).toEqual(['b'.repeat(maxPrefixLength)]);
  });
});

describe('searchProperties', () => {
  it('when given a name, aliases and an id, derives the three search properties', () => {
    expect(searchProperties('Россия Ré', ['RF'], 'country:RUS')).toEqual({
      searchName: 'россия re',
      searchText: 'россия re | rf | country:rus',
      searchPrefixes: 'ро рос росс росси россия re rf ru rus',
    });
  });
});
