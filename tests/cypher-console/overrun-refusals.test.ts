// Queries that overran the parse budget are refused at once when sent again, or when shaped like
// one that overran and at least as long; shapes set names, literals, comments and repeats aside.
import { OverrunRefusals } from '../../server/cypher-console/overrun-refusals.ts';
import { shapeOf } from '../../server/cypher-console/query-shape.ts';
import { describe, expect, it } from '../support/fixtures.ts';

const chain = (links: number, name = 'a') => `RETURN ${`(${name})--`.repeat(links)}(${name}) AS p`;

describe('the shape of a query', () => {
  it.each([
    ['other names', chain(300), chain(300, 'xyz')],
    ['another length', chain(300), chain(301)],
    ['comments and spacing', chain(300), `${chain(300).replace('RETURN ', 'RETURN\n  ')} // again`],
    ['other literals', "MATCH (n {id: 'a'}) RETURN n.x + 1", 'MATCH (n {id: "bb"}) RETURN n.x + 22'],
  ])('when two queries differ only in %s, they have one shape', (_, one, other) => {
    expect(shapeOf(other)).toBe(shapeOf(one));
  });

  it.each([
    ['other clauses', chain(300), chain(300).replace('RETURN', 'MATCH p =').replace(' AS p', ' RETURN p')],
    ['another pattern', chain(300), chain(300).replaceAll('--', '-->')],
    ['a chain and a single link', 'RETURN (a)--(b) AS p', chain(300)],
  ])('when two queries differ in %s, their shapes differ', (_, one, other) => {
    expect(shapeOf(other)).not.toBe(shapeOf(one));
  });
});

describe('the refusals of queries that overran', () => {
  const overran = chain(200);

  it.each([
    ['the same query', overran, true],
    ['the same shape, longer, other names', chain(250, 'node'), true],
    ['the same shape, shorter', chain(20), false],
    ['another shape', 'MATCH (n:Country) RETURN n.name AS name', false],
  ])('when %s is sent after one overran, it is refused: %s', (_, query, refused) => {
    const refusals = new OverrunRefusals(10);
    refusals.remember(overran);
    expect(refusals.refuses(query)).toBe(refused);
  });

  it('when more shapes overran than it keeps, the least recently seen is forgotten first', () => {
    const refusals = new OverrunRefusals(2);
    const [first, second, third] = [chain(50), chain(50).replaceAll('--', '<--'), chain(50).replaceAll('--', '-->')];
    refusals.remember(first);
    refusals.remember(second);
    expect(refusals.refuses(first)).toBe(true);
    refusals.remember(third);
    expect([first, second, third].map((query) => refusals.refuses(query))).toEqual([true, false, true]);
  });
});
