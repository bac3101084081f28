import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../../client/src/api.ts';

const problemAnswer = (status: number, body: object, retryAfter?: string) => () =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/problem+json', ...(retryAfter ? { 'retry-after': retryAfter } : {}) },
    }),
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

  it('when a read is refused for a short per-client limit (429, Retry-After 1), it is sent again and answered', async () => {
    vi.useFakeTimers();
    const answers = [
      problemAnswer(429, { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'wait' }, '1'),
      () => Promise.resolve(Response.json({ elements: { nodes: [], edges: [] }, meta: { missing: [] } })),
    ];
    const fetch = vi.fn(() => answers.shift()!());
    vi.stubGlobal('fetch', fetch);
    const answered = api.subgraph({ ids: ['a'] });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(answered).resolves.toMatchObject({ meta: { missing: [] } });
    expect(fetch).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  it('when the per-client limit asks for a long wait, the refusal is shown at once', async () => {
    const fetch = vi.fn(
      problemAnswer(429, { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'later' }, '60'),
    );
    vi.stubGlobal('fetch', fetch);
    await expect(api.subgraph({ ids: ['a'] })).rejects.toMatchObject({ status: 429 });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
