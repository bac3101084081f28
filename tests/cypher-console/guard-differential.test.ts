// The guard and the embedded engine agree on what is a comment, a string and a name, over
// generated probes (tests/support/guard-differential.ts) with a fixed seed. `npm run fuzz:guard`
// runs more of them.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { compare, probe, type Outcome } from '../support/guard-differential.ts';

const store = openEmbeddedStore();
afterAll(() => store.close());

describe('the guard and the engine read a query alike', () => {
  it('when probes mix comments, strings, quoted names, escapes and line terminators, every one the engine runs has the columns the guard read', async () => {
    const outcomes = new Map<Outcome['kind'], number>();
    await fc.assert(
      fc.asyncProperty(probe, async (query) => {
        const outcome = await compare(store, query);
        outcomes.set(outcome.kind, (outcomes.get(outcome.kind) ?? 0) + 1);
        expect(outcome.kind === 'disagreed' ? outcome : 'agreed or refused').toBe('agreed or refused');
      }),
      { seed: 23, numRuns: 3000 },
    );
    // The probes exercise both sides: most run, and the canonical text refuses some.
    expect(outcomes.get('agreed') ?? 0).toBeGreaterThan(1000);
    expect(outcomes.get('refused as not canonical') ?? 0).toBeGreaterThan(100);
  });
});
