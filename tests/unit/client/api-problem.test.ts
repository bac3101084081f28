import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../../client/src/api.ts';

const problemAnswer = (status: number, body: object) => () =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } }),
  );

afterEach(() => vi.unstubAllGlobals());

describe('the API client’s errors', () => {
  it('when the server refuses too many node ids, the error carries the cap it names (maxIds)', async () => {
    vi.stubGlobal(
      'fetch',
      problemAnswer(413, {
        type: 'about:blank',
        title: 'Too many node ids',
        status: 413,
        detail: 'at most 2',
        maxIds: 2,
      }),
    );
    const refused = await api.subgraph({ ids: ['a', 'b', 'c'] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).problem).toMatchObject({ status: 413, maxIds: 2 });
  });

  it('when a problem has no cap, the error has none', async () => {
    vi.stubGlobal(
      'fetch',
      problemAnswer(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'no' }),
    );
    const refused = (await api.subgraph({ ids: ['a'] }).catch((error: unknown) => error)) as ApiError;
    expect(refused.problem).not.toHaveProperty('maxIds');
  });
});
