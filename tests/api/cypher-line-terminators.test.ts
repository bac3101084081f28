// The engine runs exactly the text the guard checked: a query whose line terminators the guard's
// lexers and the embedded engine's read differently is refused with 400 on every path to the
// engine (the console, query exports, a store open for writing); line ends from Windows editors
// (CRLF) keep working. On Neo4j: neo4j-console.test.ts.
import request from 'supertest';
import { lineTerminatorAttempts } from '../fixtures/line-terminator-attempts.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const readOnly = fileApp({ console: 'workers', env: { RATE_LIMIT_CYPHER: '0' } });
const writable = fileApp({ env: { ALLOW_WRITES: 'true', RATE_LIMIT_CYPHER: '0' } });

const paths = [
  { path: 'POST /api/cypher on the read-only store', h: readOnly, send: (query: string) => ({ query }) },
  {
    path: 'POST /api/export on the read-only store',
    h: readOnly,
    send: (query: string) => ({ format: 'json', query }),
  },
  { path: 'POST /api/cypher with writes enabled', h: writable, send: (query: string) => ({ query }) },
];
const route = (path: string) => (path.startsWith('POST /api/export') ? '/api/export' : '/api/cypher');

describe.each(paths)('$path', ({ path, h, send }) => {
  it.each(lineTerminatorAttempts)(
    'when the query holds $name, the answer is 400 saying how to write it',
    async ({ query }) => {
      const res = await request(h.app).post(route(path)).send(send(query));
      expect(res.status, res.text.slice(0, 300)).toBe(400);
      expect(res.body.detail).toMatch(/LF or CRLF/);
      expect(res.text).not.toMatch(/root:/);
    },
  );

  it('when lines end with CRLF, the query runs', async () => {
    const res = await request(h.app)
      .post(route(path))
      .send(send("MATCH (n:Country)\r\n// countries\r\nWHERE n.id = 'country:RUS'\r\nRETURN n"));
    expect(res.status, res.text.slice(0, 300)).toBe(200);
  });
});
