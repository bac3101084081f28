import { describe, expect, it } from 'vitest';
import { checkReadOnly } from '../../server/cypher-console/write-guard.ts';
import { readsThatLookLikeWrites, writeAttempts } from '../fixtures/write-attempts.ts';

describe('the write guard', () => {
  it.each(writeAttempts)('refuses $name', ({ query }) => {
    const verdict = checkReadOnly(query);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(10);
  });

  it.each(readsThatLookLikeWrites)('lets through $name', ({ query }) => {
    expect(checkReadOnly(query)).toEqual({ ok: true });
  });

  it('says what it refused', () => {
    expect(checkReadOnly('MATCH (n) DETACH DELETE n')).toMatchObject({
      kind: 'write',
      reason: expect.stringContaining('DETACH'),
    });
    expect(checkReadOnly("CALL apoc.create.node(['X'], {})")).toMatchObject({
      kind: 'write',
      reason: expect.stringContaining('apoc.create.node'),
    });
    expect(checkReadOnly('RETURN 1; RETURN 2')).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('one statement'),
    });
  });
});
