// Files are not the console's business: LOAD CSV is refused on a read-only server, refused with
// writes enabled but no import folder, and with one (IMPORT_DIR) reads only regular files inside
// it, named relative to it, as Neo4j's server.directories.import does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, fileApp, it } from '../support/fixtures.ts';

const folder = mkdtempSync(join(tmpdir(), 'kg-import-'));
writeFileSync(join(folder, 'people.csv'), 'id,name\np1,Ada\n');
mkdirSync(join(folder, 'sub'));
writeFileSync(join(folder, 'sub', 'more.csv'), 'id\np2\n');
symlinkSync('/etc/passwd', join(folder, 'passwd.csv'));
symlinkSync('/etc', join(folder, 'etc'));
execFileSync('mkfifo', [join(folder, 'fifo.csv')]);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const imports = fileApp({ env: { ALLOW_WRITES: 'true', IMPORT_DIR: folder, RATE_LIMIT_CYPHER: '0' } });
const noFolder = fileApp({ env: { ALLOW_WRITES: 'true', RATE_LIMIT_CYPHER: '0' } });
const readOnly = fileApp({ env: { RATE_LIMIT_CYPHER: '0' } });

const load = (from: string) => `LOAD CSV WITH HEADERS FROM ${from} AS row RETURN row.id AS id`;

describe('with writes enabled and an import folder', () => {
  it.each([
    ['a file URL', "'file:///people.csv'", ['p1']],
    ['a relative name', "'people.csv'", ['p1']],
    ['a file in a subfolder', '"file:///sub/more.csv"', ['p2']],
  ])('when LOAD CSV names %s in the folder, it reads that file', async (_what, from, ids) => {
    const res = await request(imports.app)
      .post('/api/cypher')
      .send({ query: load(from) });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.body.rows.map((row: { id: string }) => row.id)).toEqual(ids);
  });

  it.each([
    ['an absolute path', "'/etc/hostname'", /absolute path/],
    ['a file URL outside the folder', "'file:///../people.csv'", /no "\.\."/],
    ['a name that climbs out', "'sub/../../x.csv'", /no "\.\."/],
    ['a file the folder does not hold', "'file:///missing.csv'", /not a file in it/],
    ['a symbolic link out of the folder', "'passwd.csv'", /outside it/],
    ['a folder linked from outside', "'etc/passwd'", /outside it/],
    ['a FIFO', "'fifo.csv'", /not a regular file/],
    ['a folder', "'sub'", /not a regular file/],
    ['/proc', "'/proc/self/environ'", /absolute path/],
    ['another scheme', "'http://127.0.0.1:9/x.csv'", /is a URL/],
    ['a percent-escaped name', "'file:///%2e%2e/x.csv'", /"%"/],
    ['a parameter', '$file', /string literal/],
    ['an expression', "'peo' + 'ple.csv'", /string literal/],
  ])('when LOAD CSV names %s, the answer is 400 naming the folder rule', async (_what, from, why) => {
    const res = await request(imports.app)
      .post('/api/cypher')
      .send({ query: load(from), params: { file: 'people.csv' } });
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expect(res.body.detail).toMatch(/import folder/);
    expect(res.body.detail).toMatch(why);
    expect(res.text).not.toMatch(/root:/);
  });

  it('when a LOAD CSV hides in a subquery beside an allowed one, both are checked', async () => {
    const query = "LOAD CSV FROM 'people.csv' AS a CALL () { LOAD CSV FROM '/etc/passwd' AS b RETURN b } RETURN a, b";
    const res = await request(imports.app).post('/api/cypher').send({ query });
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expect(res.text).not.toMatch(/root:/);
  });
});

describe('with writes enabled and no import folder', () => {
  it('when LOAD CSV names any file, the answer is 400 saying IMPORT_DIR turns it on', async () => {
    const res = await request(noFolder.app)
      .post('/api/cypher')
      .send({ query: "LOAD CSV FROM '/etc/hostname' AS l RETURN l" });
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expect(res.body.detail).toMatch(/IMPORT_DIR/);
  });
});

describe('on a read-only server', () => {
  it('when LOAD CSV names a file, the answer is 403 (it reads files)', async () => {
    const res = await request(readOnly.app)
      .post('/api/cypher')
      .send({ query: "LOAD CSV FROM 'people.csv' AS l RETURN l" });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/LOAD CSV/);
  });
});
