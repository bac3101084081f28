// The curation rules of seed/data/README.md that the loader checks, one behaviour each: every
// case changes one record of the real data set and reads what the loader says about it.
import { describe, expect, it } from 'vitest';
import { readCurated, toGraphData } from '../../server/loader/curated.ts';
import { problemsOf, raw, recordIn } from './curated-fixture.ts';

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
});
