// The seed data's own checks, and the loader's refusal of invalid data before any write.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articlesDir, readArticle, readCurated } from '../../server/loader/curated.ts';
import { problemsOf, raw } from './curated-fixture.ts';

const curated = readCurated();

describe('the curated data set', () => {
  it('is valid: shapes, unique ids, known ends and sources, verbatim quotes', () => {
    expect(curated.relations.length).toBe(raw.relations.length);
    expect(curated.entities.length).toBe(raw.entities.length);
  });

  it("when the curation README states the counts, they are the data set's", () => {
    const readme = readFileSync(new URL('../../seed/data/README.md', import.meta.url), 'utf8');
    const { sources, entities, relations } = curated;
    expect(readme).toContain(`${sources.length} sources, ${entities.length} entities, ${relations.length} relations.`);
  });

  it('cites every article in seed/articles and every Source is cited', () => {
    const cited = new Set(curated.relations.flatMap((relation) => relation.sources));
    expect(curated.sources.map((source) => source.id).sort()).toEqual([...cited].sort());
    expect(curated.sources).toHaveLength(5);
    for (const source of curated.sources)
      expect(readArticle(source.file), `${articlesDir}${source.file}`).toBeDefined();
  });

  it('has the five countries and the actors the articles name', () => {
    const ids = new Set(curated.entities.map((entity) => entity.id));
    for (const id of [
      'country:RUS',
      'country:CHN',
      'country:UKR',
      'country:BLR',
      'country:PRK',
      'country:USA',
      'country:IRN',
      'country:VEN',
      'org:european-union',
    ]) {
      expect(ids, id).toContain(id);
    }
    for (const name of [
      'Vladimir Putin',
      'Xi Jinping',
      'Li Qiang',
      'Mikhail Mishustin',
      'Sergei Lavrov',
      'Wang Yi',
      'Volodymyr Zelenskyy',
      'Roman Golovchenko',
      'Antony Blinken',
    ]) {
      expect(
        curated.entities.map((entity) => entity.name),
        name,
      ).toContain(name);
    }
  });

  it('has relations of the required types', () => {
    const types = new Set(curated.relations.map((relation) => relation.type));
    for (const type of [
      'TRADES_WITH',
      'VISITED',
      'SANCTIONS',
      'MADE_STATEMENT',
      'MET_WITH',
      'HOLDS_OFFICE',
      'SUPPORTS',
      'INVADED',
    ]) {
      expect(types, type).toContain(type);
    }
  });
});

describe('invalid seed data is refused with a message naming the record', () => {
  const first = raw.relations[0].id as string;

  it('a missing quote', () => {
    const problems = problemsOf((copy) => void delete copy.relations[0].quote);
    expect(problems.join('\n')).toContain(`relations.json ${first}: quote`);
  });

  it('a quote that is not in its article', () => {
    const problems = problemsOf((copy) => void (copy.relations[0].quote = 'Nobody said this.'));
    expect(problems).toEqual([expect.stringContaining(`relations.json ${first}: quote not found verbatim`)]);
  });

  it('a quote with its curly apostrophes straightened', () => {
    const index = raw.relations.findIndex((relation: { quote: string }) => relation.quote.includes('’'));
    expect(index).toBeGreaterThanOrEqual(0);
    const problems = problemsOf(
      (copy) => void (copy.relations[index].quote = copy.relations[index].quote.replaceAll('’', "'")),
    );
    expect(problems.join('\n')).toContain('quote not found verbatim');
  });

  it('a relation to an unknown id', () => {
    const problems = problemsOf((copy) => void (copy.relations[0].target = 'country:XXX'));
    expect(problems).toEqual([`relations.json ${first}: target country:XXX is not a known entity`]);
  });

  it('a duplicate id', () => {
    const problems = problemsOf((copy) => void copy.entities.push(copy.entities[0]));
    expect(problems).toEqual([`duplicate id ${raw.entities[0].id}`]);
  });

  it('an unknown source and a bad date', () => {
    const problems = problemsOf((copy) => {
      copy.relations[0].sources = ['source:nowhere'];
      copy.relations[1].date = '21 Aug 2024';
    });
    expect(problems).toContain(`relations.json ${first}: cites unknown source source:nowhere`);
    expect(problems.join('\n')).toContain(`relations.json ${raw.relations[1].id}: date must be an ISO date YYYY-MM-DD`);
  });

  it('when an entity fails its schema, relations to it are not reported again as unknown', () => {
    const problems = problemsOf((copy) => void (copy.entities.find((e) => e.id === 'country:PRK').iso3 = 'prk'));
    expect(problems).toEqual([expect.stringMatching(/^entities\.json country:PRK: iso3 /)]);
  });
});
