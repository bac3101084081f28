// The second battery of escape attempts (tests/fixtures/escape-attempts.ts): read by Neo4j's own
// front end, refused by the parsed check on its own, by the guard as the server runs it, and over
// HTTP on the embedded store set up as in production, with the data unchanged. (On Neo4j:
// neo4j-console.test.ts, where a Neo4j is available.)
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import request from 'supertest';
import { GuardPool } from '../../server/cypher-console/guard-pool.ts';
import { checkParsed } from '../../server/cypher-console/parsed-guard.ts';
import { QueryTooComplexError } from '../../server/cypher-console/types.ts';
import { decodeUnicodeEscapes } from '../../server/cypher-console/unicode-escapes.ts';
import { escapeAttempts } from '../fixtures/escape-attempts.ts';
import { writeAttempts } from '../fixtures/write-attempts.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { afterAll, describe, expect, fileApp, it } from '../support/fixtures.ts';

/** Too long for the parser to finish in its budget: refused as too complex, not parsed here. */
const parseable = escapeAttempts.filter((attempt) => attempt.query.length < 1000);

it('is a new battery: at least 30 attempts, none of them in write-attempts.ts', () => {
  expect(escapeAttempts.length).toBeGreaterThanOrEqual(30);
  const old = new Set(writeAttempts.map((attempt) => attempt.query));
  expect(escapeAttempts.filter((attempt) => old.has(attempt.query))).toEqual([]);
});

describe("through Neo4j's parser", () => {
  // Neo4j decodes \uXXXX escapes before it parses: its front end is given the text as it reads it.
  it.each(parseable)('Neo4j $neo4j "$name"', ({ query, neo4j }) => {
    const decoded = decodeUnicodeEscapes(query);
    const errors = decoded.ok
      ? lintCypherQuery(decoded.text, {}, { consoleCommandsEnabled: false }).diagnostics.filter(
          (diagnostic) => diagnostic.severity === 1,
        )
      : [{ message: decoded.reason }];
    expect(errors.length === 0 ? 'runs' : 'rejects', errors.map((error) => error.message).join('; ')).toBe(neo4j);
  });

  it.each(parseable.filter((attempt) => decodeUnicodeEscapes(attempt.query).ok))(
    'the parsed check alone refuses "$name"',
    ({ query }) => {
      const decoded = decodeUnicodeEscapes(query);
      expect(decoded.ok && checkParsed(decoded.text).ok).toBe(false);
    },
  );
});

describe('the guard as the server runs it', () => {
  const guard = new GuardPool({ threads: 1, budgetMs: 1500 });
  afterAll(() => guard.close());

  it.each(escapeAttempts)('refuses "$name"', async ({ query }) => {
    const verdict = await guard
      .check(query, { client: 'test', deadline: performance.now() + 10_000 })
      .catch((error: unknown) => error);
    if (verdict instanceof QueryTooComplexError) return;
    expect(verdict).toMatchObject({ ok: false, reason: expect.any(String) });
  });
});

describe('over HTTP on the embedded store (read-only file, worker processes)', () => {
  const h = fileApp({ console: 'workers', env: { RATE_LIMIT_CYPHER: '0' } });

  it('refuses every attempt with 400 or 403, and the data is unchanged', async () => {
    const before = await fingerprint(h.store);
    for (const attempt of escapeAttempts) {
      const res = await request(h.app).post('/api/cypher').send({ query: attempt.query });
      expect([400, 403], `${attempt.name}: ${res.status} ${res.text.slice(0, 300)}`).toContain(res.status);
      expect(res.text).not.toMatch(/root:/);
    }
    expect(await fingerprint(h.store)).toEqual(before);
  }, 120_000);
});
