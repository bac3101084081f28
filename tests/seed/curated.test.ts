// The seed data's own checks, and the loader's refusal of invalid data before any write.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articlesDir, readArticle, readCurated } from '../../server/loader/curated.ts';
import { problemsOf, raw } from './curated-fixture.ts';

const curated = readCurated();

describe('the curated data set', () => {
  it('when read, is valid (shapes, unique ids, known ends and sources, verbatim quotes) and keeps every record', () => {
    expect(curated.relations.length).toBe(raw.relations.length);
    expect(curated.entities.length).toBe(raw.entities.length);
  });

  it("when the curation README states the counts, they are the data set's", () => {
    const readme = readFileSync(new URL('../../seed/data/README.md', import.meta.url), 'utf8');
    const { sources, entities, relations } = curated;
    expect(readme).toContain(`${sources.length} sources, ${entities.length} entities, ${relations.length} relations.`);
  });

  it('when relations cite sources, exactly the Sources are cited', () => {
    const cited = new Set(curated.relations.flatMap((relation) => relation.sources));
    expect(curated.sources.map((source) => source.id).sort()).toEqual([...cited].sort());
  });

  it('when counted, there are five Sources', () => {
    expect(curated.sources).toHaveLength(5);
  });

  it.each(curated.sources.map((source) => [source.id, source.file]))(
    'when %s is read, its article is in seed/articles',
    (_id, file) => {
      expect(readArticle(file), `${articlesDir}${file}`).toBeDefined();
    },
  );

  it.each([
    'country:RUS',
    'country:CHN',
    'country:UKR',
    'country:BLR',
    'country:PRK',
    'country:USA',
    'country:IRN',
    'country:VEN',
    'org:european-union',
  ])('when its entities are listed, %s is among them', (id) => {
    expect(new Set(curated.entities.map((entity) => entity.id))).toContain(id);
  });

  it.each([
    'Vladimir Putin',
    'Xi Jinping',
    'Li Qiang',
    'Mikhail Mishustin',
    'Sergei Lavrov',
    'Wang Yi',
    'Volodymyr Zelenskyy',
    'Roman Golovchenko',
    'Antony Blinken',
  ])('when its entities are listed, %s, whom the articles name, is among them', (name) => {
    expect(curated.entities.map((entity) => entity.name)).toContain(name);
  });

  it.each(['TRADES_WITH', 'VISITED', 'SANCTIONS', 'MADE_STATEMENT', 'MET_WITH', 'HOLDS_OFFICE', 'SUPPORTS', 'INVADED'])(
    'when its relations are listed, one has the required type %s',
    (type) => {
      expect(new Set(curated.relations.map((relation) => relation.type))).toContain(type);
    },
  );
});

describe('invalid seed data is refused with a message naming the record', () => {
  const first = raw.relations[0].id as string;

  it('when a quote is missing, names the record and the field', () => {
    const problems = problemsOf((copy) => void delete copy.relations[0].quote);
    expect(problems.join('\n')).toContain(`relations.json ${first}: quote`);
  });

  it('when a quote is not in its article, says it is not found verbatim', () => {
    const problems = problemsOf((copy) => void (copy.relations[0].quote = 'Nobody said this.'));
    expect(problems).toEqual([expect.stringContaining(`relations.json ${first}: quote not found verbatim`)]);
  });

  it('when a quote has its curly apostrophes straightened, says it is not found verbatim', () => {
    const index = raw.relations.findIndex((relation: { quote: string }) => relation.quote.includes('’'));
    expect(index).toBeGreaterThanOrEqual(0);
    const problems = problemsOf(
      (copy) => void (copy.relations[index].quote = copy.relations[index].quote.replaceAll('’', "'")),
    );
    expect(problems.join('\n')).toContain('quote not found verbatim');
  });

  it('when a relation points at an unknown id, names the end', () => {
    const problems = problemsOf((copy) => void (copy.relations[0].target = 'country:XXX'));
    expect(problems).toEqual([`relations.json ${first}: target country:XXX is not a known entity`]);
  });

  it('when an id is used twice, names the id', () => {
    const problems = problemsOf((copy) => void copy.entities.push(copy.entities[0]));
    expect(problems).toEqual([`duplicate id ${raw.entities[0].id}`]);
  });

  it('when a relation cites an unknown source, names the source', () => {
    const problems = problemsOf((copy) => void (copy.relations[0].sources = ['source:nowhere']));
    expect(problems).toContain(`relations.json ${first}: cites unknown source source:nowhere`);
  });

  it('when a date is not an ISO date, says what it must be', () => {
    const problems = problemsOf((copy) => void (copy.relations[1].date = '21 Aug 2024'));
    expect(problems.join('\n')).toContain(`relations.json ${raw.relations[1].id}: date must be an ISO date YYYY-MM-DD`);
  });

  it('when an entity fails its schema, relations to it are not reported again as unknown', () => {
    const problems = problemsOf((copy) => void (copy.entities.find((e) => e.id === 'country:PRK').iso3 = 'prk'));
    expect(problems).toEqual([expect.stringMatching(/^entities\.json country:PRK: iso3 /)]);
  });
});
