// The curation rules of seed/data/README.md that the loader checks, one behaviour each: every
// case changes one record of the real data set and reads what the loader says about it.
import { describe, expect, it } from 'vitest';
import { readCurated, toGraphData } from '../../server/loader/curated.ts';
import { problemsOf, raw, recordIn } from './curated-fixture.ts';

const semafor0821 = 'source:semafor-2024-08-21-li-qiang-moscow'; // states its date
const hkfp = 'source:hkfp-2025-07-13-wang-yi-lavrov-beijing'; // inferred, its week fixed

describe('the curated data set', () => {
  it('when loaded as it is, breaks no curation rule', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });
});

describe('a context passage', () => {
  const id = 'rel:alexander-gabuev-made-statement-rus-2024-05-16';

  it('when it is not verbatim in the first cited article, is refused naming the record', () => {
    const problems = problemsOf((copy) => {
      recordIn(copy.relations, id).context = 'Alexander Gabuev, a scholar, wrote it.';
    });
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^relations\\.json ${id}: context not found verbatim`)),
    ]);
  });

  it('when it comes from another article than the quote, is refused', () => {
    const fromAnother = "Russia's top diplomat Sergei Lavrov was visiting Beijing"; // source 003, not 001
    const problems = problemsOf((copy) => {
      recordIn(copy.relations, id).context = fromAnother;
    });
    expect(problems).toEqual([
      expect.stringContaining(`${id}: context not found verbatim in source:semafor-2024-05-16-putin-xi-beijing`),
    ]);
  });

  it('when it is loaded, becomes a property of the relationship', () => {
    const relationship = toGraphData(readCurated()).relationships.find((candidate) => candidate.id === id)!;
    expect(relationship.properties.context).toBe(recordIn(raw.relations, id).context);
  });
});

describe('the ends a relation joins', () => {
  it('when the quote only refers to an end ("he", "his counterpart") and no context names it, is refused', () => {
    const id = 'rel:alexander-gabuev-made-statement-rus-2024-05-16';
    const problems = problemsOf((copy) => {
      delete recordIn(copy.relations, id).context;
    });
    expect(problems).toEqual([
      `relations.json ${id}: the quote does not name the source person:alexander-gabuev (by name, alias or demonym)`,
    ]);
  });

  it('when neither the quote nor the context names an end, is refused naming both', () => {
    const id = 'rel:chn-trades-with-blr-2024-05-15';
    const problems = problemsOf((copy) => {
      recordIn(copy.relations, id).context =
        '“Ukraine’s problem is that it’s already short on reserves,” Meduza wrote.';
    });
    expect(problems).toEqual([
      `relations.json ${id}: neither the quote nor the context names the source country:CHN (by name, alias or demonym)`,
    ]);
  });

  it('when the evidence names a country only by its demonym, the demonym is what names it', () => {
    const id = 'rel:rus-supplies-chn-2024-05-16-energy'; // "Russian energy supplies would keep China functioning"
    expect(problemsOf(() => {})).toEqual([]);
    const withoutDemonym = problemsOf((copy) => {
      delete recordIn(copy.entities, 'country:RUS').demonym;
    });
    expect(withoutDemonym).toContain(
      `relations.json ${id}: the quote does not name the source country:RUS (by name, alias or demonym)`,
    );
  });

  it('when an end is an Event, does not look for its name', () => {
    const id = 'rel:rus-participated-in-kharkiv-offensive-2024-2024-05-10';
    const problems = problemsOf((copy) => {
      recordIn(copy.entities, 'event:kharkiv-offensive-2024').name = 'A name no article uses';
    });
    expect(problems.filter((problem) => problem.includes(id))).toEqual([]);
  });
});

describe('day precision', () => {
  it('when the evidence names no day, is refused', () => {
    const id = 'rel:chn-supports-rus-2025-07-13'; // "many of Ukraine's allies believe ..."
    const problems = problemsOf((copy) => {
      recordIn(copy.relations, id).datePrecision = 'day';
    });
    expect(problems).toEqual([
      `relations.json ${id}: datePrecision day needs a day the quote or context names (a weekday or a date), and it names none`,
    ]);
  });

  it('when the date is not the weekday the evidence names, is refused', () => {
    const id = 'rel:li-qiang-visited-rus-2024-08-21'; // "on a visit to Moscow Wednesday"
    const problems = problemsOf((copy) => {
      recordIn(copy.relations, id).date = '2024-08-20';
    });
    expect(problems).toEqual([
      `relations.json ${id}: datePrecision day: 2024-08-20 is a Tuesday, but the evidence names Wednesday`,
    ]);
  });

  it('when the named weekday is resolved more than a week from the publication date, is refused', () => {
    const id = 'rel:li-qiang-visited-rus-2024-08-21';
    const problems = problemsOf((copy) => {
      recordIn(copy.relations, id).date = '2024-08-07'; // a Wednesday, two weeks early
    });
    expect(problems).toEqual([expect.stringContaining(`${id}: datePrecision day: 2024-08-07 is 14 days from`)]);
  });

  it('when a weekday is resolved against a publication date that is only an estimate, is refused', () => {
    const id = 'rel:wang-yi-made-statement-rus-2025-07-13-strategically-valuable'; // "on Sunday"
    const problems = problemsOf((copy) => {
      recordIn(copy.sources, hkfp).publishedPrecision = 'estimate';
    });
    expect(problems).toContain(
      `relations.json ${id}: datePrecision day rests on "Sunday", but ${hkfp}'s publication date is an estimate: a weekday resolves only against a date known to the day or the week`,
    );
  });

  it('when the evidence states the calendar date, is accepted without a weekday', () => {
    const id = 'rel:wall-street-journal-made-statement-chn-2024-08-21';
    const problems = problemsOf((copy) => {
      Object.assign(recordIn(copy.relations, id), { datePrecision: 'day', context: 'Updated Aug 21, 2024' });
    });
    expect(problems).toEqual([]);
  });

  it('when the evidence states another calendar date, is refused', () => {
    const id = 'rel:wall-street-journal-made-statement-chn-2024-08-21';
    const problems = problemsOf((copy) => {
      Object.assign(recordIn(copy.relations, id), {
        datePrecision: 'day',
        context: 'Updated Aug 21, 2024',
        date: '2024-08-20',
      });
    });
    expect(problems).toEqual([
      `relations.json ${id}: datePrecision day: 2024-08-20 is not the date the evidence names`,
    ]);
  });
});

describe('an "as of" relation', () => {
  it('when it is more precise than its source knows its own date, is refused', () => {
    const id = 'rel:vladimir-putin-holds-office-rus-2024-05-16'; // its quote names "Thursday", its source is inferred
    const problems = problemsOf((copy) => {
      recordIn(copy.relations, id).datePrecision = 'day';
    });
    expect(problems).toEqual([
      `relations.json ${id}: datePrecision day is finer than source:semafor-2024-05-16-putin-xi-beijing's publication date allows (publishedPrecision week): at most month`,
    ]);
  });

  it('when its source states its date, may be day-precise without a named day', () => {
    const id = 'rel:li-qiang-holds-office-chn-2024-08-21';
    expect(recordIn(raw.relations, id)).toMatchObject({
      datePrecision: 'day',
      sources: [semafor0821, expect.any(String)],
    });
    const problems = problemsOf((copy) => {
      recordIn(copy.sources, semafor0821).publishedPrecision = 'week';
      recordIn(copy.sources, semafor0821).publishedNote ??= 'inferred';
    });
    expect(problems).toContain(
      `relations.json ${id}: datePrecision day needs a day the quote or context names (a weekday or a date), and it names none`,
    );
  });

  it('when it is not dated at its source’s publication date, is refused', () => {
    const id = 'rel:chn-allied-with-rus-2025-07-13';
    const problems = problemsOf((copy) => {
      recordIn(copy.relations, id).date = '2025-07-12';
    });
    expect(problems).toEqual([
      `relations.json ${id}: a ALLIED_WITH relation holds as of its source's publication date: date must be 2025-07-13 (${hkfp}), not 2025-07-12`,
    ]);
  });
});

describe('a source’s publication date', () => {
  it('when it is inferred and no note says how, is refused', () => {
    const problems = problemsOf((copy) => {
      delete recordIn(copy.sources, hkfp).publishedNote;
    });
    expect(problems).toEqual([
      `sources.json ${hkfp}: publishedNote must explain how a date the page does not state was inferred`,
    ]);
  });

  it('when its precision is not day, week or estimate, is refused', () => {
    const problems = problemsOf((copy) => {
      recordIn(copy.sources, hkfp).publishedPrecision = 'roughly';
    });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^sources\\.json ${hkfp}: publishedPrecision `))]);
  });
});

describe('a person’s role', () => {
  it('when it has no as-of date, is refused', () => {
    const problems = problemsOf((copy) => {
      delete recordIn(copy.entities, 'person:donald-trump').roleAsOf;
    });
    expect(problems).toEqual([expect.stringMatching(/^entities\.json person:donald-trump: roleAsOf /)]);
  });

  it('when its as-of date is not the publication date of an article citing the person, is refused', () => {
    const problems = problemsOf((copy) => {
      recordIn(copy.entities, 'person:donald-trump').roleAsOf = '2025-07-13';
    });
    expect(problems).toEqual([
      'entities.json person:donald-trump: roleAsOf 2025-07-13 is not the publication date of a source citing person:donald-trump (2024-08-21)',
    ]);
  });
});

describe('where a thing happened or is based', () => {
  const summit = 'event:putin-xi-beijing-summit-2024';
  const ministry = 'org:china-foreign-ministry';

  it.each([
    [
      'the country is not in the data set',
      summit,
      { country: 'country:FRA' },
      'country country:FRA is not a known country',
    ],
    [
      'the place has no passage',
      summit,
      { countryQuote: undefined },
      'country country:CHN needs countryQuote, the passage that says so',
    ],
    ['a passage has no place', summit, { country: undefined }, 'countryQuote given without country'],
    [
      'the passage does not name the country',
      summit,
      { country: 'country:UKR' },
      'countryQuote does not name country:UKR (by name, alias or demonym)',
    ],
    [
      "an organisation's passage does not name it",
      ministry,
      { seatQuote: 'trade ties with China during a meeting with a top Chinese official in Moscow' },
      `seatQuote does not name ${ministry} (by name or alias)`,
    ],
  ])('when %s, is refused naming the record', (_situation, id, change, problem) => {
    const problems = problemsOf((copy) => {
      const record = recordIn(copy.entities, id);
      for (const [key, value] of Object.entries(change)) {
        if (value === undefined) delete record[key];
        else record[key] = value;
      }
    });
    expect(problems).toEqual([`entities.json ${id}: ${problem}`]);
  });

  it('when the passage is not in an article its relations cite, is refused', () => {
    const fromAnother = "Russia's top diplomat Sergei Lavrov was visiting Beijing"; // source 003, not 001
    const problems = problemsOf((copy) => {
      recordIn(copy.entities, summit).countryQuote = fromAnother;
    });
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^entities\\.json ${summit}: countryQuote not found verbatim in an article`)),
    ]);
  });

  it('when a visit points at something other than a country, is refused', () => {
    const id = 'rel:antony-blinken-visited-ukr-2024-05-14';
    const problems = problemsOf((copy) => {
      recordIn(copy.relations, id).target = 'person:volodymyr-zelenskyy';
      recordIn(copy.relations, id).quote =
        'Ukraine withdrew some troops stationed near the northeastern city of Kharkiv and Ukrainian President Volodymyr Zelenskyy canceled all of his upcoming international trips to focus on the war.';
    });
    expect(problems).toContain(
      `relations.json ${id}: VISITED points at person:volodymyr-zelenskyy: a visit's target is its destination, a Country`,
    );
  });

  it('when loaded, the place and its passage are properties of the node', () => {
    const node = toGraphData(readCurated()).nodes.find((candidate) => candidate.id === summit)!;
    expect(node.properties).toMatchObject({ country: 'country:CHN', countryQuote: expect.stringContaining('Beijing') });
  });
});
