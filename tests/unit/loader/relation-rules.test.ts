// The small curation rules, one relation at a time against a made-up context (the real data set's
// cases are in tests/seed/curation-rules.test.ts).
import { describe, expect, it } from 'vitest';
import type { EntityEntry, RelationEntry, SourceEntry } from '../../../server/loader/curated-schema.ts';
import { asOf } from '../../../server/loader/rules/as-of.ts';
import { namesOf } from '../../../server/loader/rules/names-of.ts';
import { roleAsOfProblems } from '../../../server/loader/rules/role-as-of.ts';
import type { RuleContext } from '../../../server/loader/rules/types.ts';
import { evidenceOf } from '../../../server/loader/rules/types.ts';
import { verbatim } from '../../../server/loader/rules/verbatim.ts';
import { visitDestination } from '../../../server/loader/rules/visit-destination.ts';

const russia: EntityEntry = { id: 'country:RUS', label: 'Country', iso3: 'RUS', name: 'Russia', demonym: 'Russian' };
const putin: EntityEntry = {
  id: 'person:vladimir-putin',
  label: 'Person',
  name: 'Vladimir Putin',
  aliases: ['Putin'],
  role: 'President of Russia',
  roleAsOf: '2024-05-16',
};
const stated: SourceEntry = {
  id: 'source:stated',
  file: 'stated.md',
  title: 'A page that states its date',
  publisher: 'Example',
  published: '2024-05-16',
  publishedPrecision: 'day',
};
const inferred: SourceEntry = { ...stated, id: 'source:inferred', publishedPrecision: 'week', publishedNote: 'why' };
const relation = (overrides: Partial<RelationEntry> = {}): RelationEntry => ({
  id: 'rel:putin-visited-rus-2024-05-16',
  type: 'VISITED',
  source: putin.id,
  target: russia.id,
  date: '2024-05-16',
  datePrecision: 'day',
  summary: 'a summary',
  quote: 'Putin flew home to Russia.',
  sources: [stated.id],
  ...overrides,
});
const context: RuleContext = {
  entity: (id) => [russia, putin].find((entity) => entity.id === id),
  source: (id) => [stated, inferred].find((source) => source.id === id),
  article: (id) => (id === stated.id ? 'Then Putin flew home to Russia. He said so.' : undefined),
};

describe('namesOf', () => {
  it('when a country has a demonym, it is among its names', () => {
    expect(namesOf(russia)).toEqual(['Russia', 'Russian']);
  });

  it('when an entity has aliases, they follow its name', () => {
    expect(namesOf(putin)).toEqual(['Vladimir Putin', 'Putin']);
  });
});

describe('evidenceOf', () => {
  it('when a relation has no context, its evidence is the quote', () => {
    expect(evidenceOf(relation())).toBe('Putin flew home to Russia.');
  });

  it('when a relation has a context passage, it follows the quote', () => {
    expect(evidenceOf(relation({ context: 'He said so.' }))).toBe('Putin flew home to Russia. He said so.');
  });
});

describe('verbatim', () => {
  it('when the quote and context are in the article, finds nothing wrong', () => {
    expect(verbatim(relation({ context: 'He  said\nso.' }), context)).toEqual([]);
  });

  it('when the quote is not in the article, says so naming the source', () => {
    expect(verbatim(relation({ quote: 'Nobody said this.' }), context)).toEqual([
      'quote not found verbatim in source:stated: "Nobody said this."',
    ]);
  });

  it('when the context is not in the article, says so', () => {
    expect(verbatim(relation({ context: 'Made up.' }), context)).toEqual([
      'context not found verbatim in source:stated: "Made up."',
    ]);
  });

  it('when the article is missing, leaves that to the file check', () => {
    expect(verbatim(relation({ sources: [inferred.id] }), context)).toEqual([]);
  });
});

describe('visitDestination', () => {
  it('when a visit points at a country, finds nothing wrong', () => {
    expect(visitDestination(relation(), context)).toEqual([]);
  });

  it('when a visit points at a person, says its target must be a Country', () => {
    expect(visitDestination(relation({ source: russia.id, target: putin.id }), context)).toEqual([
      "VISITED points at person:vladimir-putin: a visit's target is its destination, a Country",
    ]);
  });

  it('when another type points at a person, leaves it alone', () => {
    expect(visitDestination(relation({ type: 'MET_WITH', target: putin.id }), context)).toEqual([]);
  });
});

describe('asOf', () => {
  const office = (overrides: Partial<RelationEntry> = {}) =>
    relation({ type: 'HOLDS_OFFICE', quote: 'President Putin', ...overrides });

  it('when an "as of" relation is dated at its source and day-precise from a stated date, finds nothing wrong', () => {
    expect(asOf(office(), context)).toEqual([]);
  });

  it('when it is dated elsewhere than its source’s publication date, names the date it must have', () => {
    expect(asOf(office({ date: '2024-05-15' }), context)).toEqual([
      "a HOLDS_OFFICE relation holds as of its source's publication date: date must be 2024-05-16 (source:stated), not 2024-05-15",
    ]);
  });

  it('when it is day-precise from an inferred publication date, says month at most', () => {
    expect(asOf(office({ sources: [inferred.id] }), context)).toEqual([
      "datePrecision day is finer than source:inferred's publication date allows (publishedPrecision week): at most month",
    ]);
  });

  it('when it is month-precise from an inferred publication date, finds nothing wrong', () => {
    expect(asOf(office({ sources: [inferred.id], datePrecision: 'month' }), context)).toEqual([]);
  });

  it('when the relation is not an "as of" type, leaves it alone', () => {
    expect(asOf(relation({ date: '2020-01-01' }), context)).toEqual([]);
  });
});

describe('roleAsOfProblems', () => {
  const sourceOf = (id: string) => [stated, inferred].find((source) => source.id === id);

  it('when the role is dated at the publication date of a source citing the person, finds nothing wrong', () => {
    expect(roleAsOfProblems(putin, () => [relation()], sourceOf)).toEqual([]);
  });

  it('when the role is dated otherwise, names the dates it may have', () => {
    expect(roleAsOfProblems({ ...putin, roleAsOf: '2025-01-01' }, () => [relation()], sourceOf)).toEqual([
      'roleAsOf 2025-01-01 is not the publication date of a source citing person:vladimir-putin (2024-05-16)',
    ]);
  });

  it('when no relation cites the person, says none', () => {
    expect(roleAsOfProblems(putin, () => [], sourceOf)).toEqual([
      'roleAsOf 2024-05-16 is not the publication date of a source citing person:vladimir-putin (none)',
    ]);
  });

  it('when the entity is not a person, leaves it alone', () => {
    expect(roleAsOfProblems(russia, () => [], sourceOf)).toEqual([]);
  });
});
