// The small curation rules, one relation at a time against a made-up context (the real data set's
// cases are in tests/seed/curation-rules.test.ts).
import { describe, expect, it } from 'vitest';
import type { EntityEntry, RelationEntry, SourceEntry } from '../../../server/loader/curated-schema.ts';
import { asOf } from '../../../server/loader/rules/as-of.ts';
import { dayPrecision } from '../../../server/loader/rules/day-precision.ts';
import { endsNamed } from '../../../server/loader/rules/ends-named.ts';
import { placeProblems, relationProblems } from '../../../server/loader/rules/index.ts';
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
const estimated: SourceEntry = {
  ...stated,
  id: 'source:estimated',
  publishedPrecision: 'estimate',
  publishedNote: 'why',
};
const summit: EntityEntry = {
  id: 'event:summit',
  label: 'Event',
  name: 'A summit',
  date: '2024-05-16',
  datePrecision: 'day',
};
const ministry: EntityEntry = { id: 'org:ministry', label: 'Organization', name: 'The Ministry', kind: 'ministry' };
const context: RuleContext = {
  entity: (id) => [russia, putin, summit, ministry].find((entity) => entity.id === id),
  source: (id) => [stated, inferred, estimated].find((source) => source.id === id),
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

describe('endsNamed', () => {
  it('when the quote names both ends (one by alias), finds nothing wrong', () => {
    expect(endsNamed(relation(), context)).toEqual([]);
  });

  it('when the quote refers to an end as "he", names that end', () => {
    expect(endsNamed(relation({ quote: 'He flew home to Russia.' }), context)).toEqual([
      'the quote does not name the source person:vladimir-putin (by name, alias or demonym)',
    ]);
  });

  it('when the context names the end the quote does not, finds nothing wrong', () => {
    expect(endsNamed(relation({ quote: 'He flew home.', context: 'Putin went to Russia.' }), context)).toEqual([]);
  });

  it('when neither quote nor context names an end, says so for each end', () => {
    expect(endsNamed(relation({ quote: 'He flew home.', context: 'He said so.' }), context)).toEqual([
      'neither the quote nor the context names the source person:vladimir-putin (by name, alias or demonym)',
      'neither the quote nor the context names the target country:RUS (by name, alias or demonym)',
    ]);
  });

  it('when a country is named by its demonym, it is named', () => {
    expect(endsNamed(relation({ quote: 'Putin met Russian officials.' }), context)).toEqual([]);
  });

  it('when an end is an Event, its name is not looked for', () => {
    expect(endsNamed(relation({ type: 'PARTICIPATED_IN', target: summit.id }), context)).toEqual([]);
  });
});

describe('dayPrecision', () => {
  // stated and inferred sources are published Thursday 2024-05-16
  const dated = (quote: string, overrides: Partial<RelationEntry> = {}) =>
    dayPrecision(relation({ quote, ...overrides }), context);

  it('when the relation is month-precise, asks for no day', () => {
    expect(dated('Putin flew to Russia.', { datePrecision: 'month' })).toEqual([]);
  });

  it.each(['on May 16, 2024', 'on 16 May', 'dated 2024-05-16'])(
    'when the evidence states the date ("%s"), accepts it',
    (text) => {
      expect(dated(`Putin flew to Russia ${text}.`)).toEqual([]);
    },
  );

  it('when the evidence states another date, says the date is not the one named', () => {
    expect(dated('Putin flew to Russia on May 15.')).toEqual([
      'datePrecision day: 2024-05-16 is not the date the evidence names',
    ]);
  });

  it('when the named weekday is the date’s, within a week of publication, accepts it', () => {
    expect(dated('Putin flew to Russia on Wednesday.', { date: '2024-05-15' })).toEqual([]);
  });

  it('when the named weekday is not the date’s, names both', () => {
    expect(dated('Putin flew to Russia on Wednesday.', { date: '2024-05-14' })).toEqual([
      'datePrecision day: 2024-05-14 is a Tuesday, but the evidence names Wednesday',
    ]);
  });

  it('when the named weekday resolves more than a week from publication, says how far', () => {
    expect(dated('Putin flew to Russia on Wednesday.', { date: '2024-05-01' })).toEqual([
      "datePrecision day: 2024-05-01 is 15 days from source:stated's publication date (2024-05-16); a named Wednesday resolves within a week of it",
    ]);
  });

  it('when a weekday is resolved against an estimated publication date, refuses it', () => {
    expect(dated('Putin flew to Russia on Wednesday.', { date: '2024-05-15', sources: [estimated.id] })).toEqual([
      `datePrecision day rests on "Wednesday", but source:estimated's publication date is an estimate: a weekday resolves only against a date known to the day or the week`,
    ]);
  });

  it('when the evidence names no day, says it needs one', () => {
    expect(dated('Putin flew to Russia.')).toEqual([
      'datePrecision day needs a day the quote or context names (a weekday or a date), and it names none',
    ]);
  });

  it('when an "as of" relation is dated at a stated publication date, needs no named day', () => {
    expect(dated('President Putin of Russia', { type: 'HOLDS_OFFICE' })).toEqual([]);
  });
});

describe('relationProblems', () => {
  it('when the quote is not verbatim, only that is reported (the evidence rules wait for it)', () => {
    expect(relationProblems(relation({ quote: 'He went.', datePrecision: 'day' }), context)).toEqual([
      'quote not found verbatim in source:stated: "He went."',
    ]);
  });

  it('when the quote is verbatim, the evidence rules all run', () => {
    const visitToPerson = relation({ target: putin.id, source: russia.id, datePrecision: 'day' });
    expect(relationProblems(visitToPerson, context)).toEqual([
      'datePrecision day needs a day the quote or context names (a weekday or a date), and it names none',
      "VISITED points at person:vladimir-putin: a visit's target is its destination, a Country",
    ]);
  });
});

describe('placeProblems', () => {
  const cites = (sources: string[]) => () => [relation({ sources })];
  const withPlace = (entity: EntityEntry, fields: Record<string, unknown>) => ({ ...entity, ...fields }) as EntityEntry;

  it('when an entity has no place, finds nothing wrong', () => {
    expect(placeProblems(summit, cites([stated.id]), context)).toEqual([]);
  });

  it('when a person is checked, there is no place to check', () => {
    expect(placeProblems(putin, cites([stated.id]), context)).toEqual([]);
  });

  it('when an event’s place has a passage from a cited article naming the country, finds nothing wrong', () => {
    const event = withPlace(summit, { country: russia.id, countryQuote: 'flew home to Russia' });
    expect(placeProblems(event, cites([stated.id]), context)).toEqual([]);
  });

  it('when a place has no passage, asks for one', () => {
    expect(placeProblems(withPlace(summit, { country: russia.id }), cites([stated.id]), context)).toEqual([
      'country country:RUS needs countryQuote, the passage that says so',
    ]);
  });

  it('when a passage has no place, says so', () => {
    expect(placeProblems(withPlace(summit, { countryQuote: 'Russia' }), cites([stated.id]), context)).toEqual([
      'countryQuote given without country',
    ]);
  });

  it('when the place is not a country of the data set, says so', () => {
    const event = withPlace(summit, { country: putin.id, countryQuote: 'Putin' });
    expect(placeProblems(event, cites([stated.id]), context)).toEqual([
      'country person:vladimir-putin is not a known country',
    ]);
  });

  it('when the passage is in no article its relations cite, lists the cited ones', () => {
    const event = withPlace(summit, { country: russia.id, countryQuote: 'flew home to Russia' });
    expect(placeProblems(event, cites([inferred.id]), context)).toEqual([
      'countryQuote not found verbatim in an article cited by its relations (source:inferred): "flew home to Russia"',
    ]);
  });

  it('when the passage does not name the country, says so', () => {
    const event = withPlace(summit, { country: russia.id, countryQuote: 'He said so.' });
    expect(placeProblems(event, cites([stated.id]), context)).toEqual([
      'countryQuote does not name country:RUS (by name, alias or demonym)',
    ]);
  });

  it('when an organisation’s passage does not name it, says so', () => {
    const org = withPlace(ministry, { seat: russia.id, seatQuote: 'flew home to Russia' });
    expect(placeProblems(org, cites([stated.id]), context)).toEqual([
      'seatQuote does not name org:ministry (by name or alias)',
    ]);
  });
});
