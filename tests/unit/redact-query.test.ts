import { describe, expect, it } from 'vitest';
import { redactQuery } from '../../server/api/request-log.ts';

describe('redactQuery', () => {
  it.each([
    ['no query string', '/api/health', '/api/health'],
    ['a value', '/api/search?q=putin', '/api/search?q=…'],
    ['a token among other values', '/api/nodes/x?token=abc&b=2', '/api/nodes/x?token=…&b=…'],
    ['a name without a value', '/api/x?flag', '/api/x?flag=…'],
    ['an empty query string', '/api/x?', '/api/x?'],
  ])('when the URL has %s, its values are replaced', (_case, url, logged) => {
    expect(redactQuery(url)).toBe(logged);
  });
});
