// A store rebuilt from an export serves the explorer as the original does: the whole curated graph
// exported as a Cypher script, and as the Neo4j import files through load-csv.cypher, replayed
// into an empty embedded store; the same data (every property, the search fields included), the
// same search hits, neighbourhoods and exports.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { AppUnderTest } from '../support/app.ts';
import { lintCypher } from '../support/cypher-lint.ts';
import { download, unzip } from '../support/export-files.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';
import { replay, scriptStatements } from '../support/replay.ts';

const original = fileApp();

async function allIds(app: AppUnderTest): Promise<string[]> {
  const { rows } = await app.store.read({ text: 'MATCH (n) RETURN n.id AS id ORDER BY id' });
  return rows.map((row) => String(row.id));
}

type Element = { data: { id: string } };
/** Elements in id order: relationships of the same date come in the order they were stored. */
const byId = ({ nodes, edges }: { nodes: Element[]; edges: Element[] }) => {
  const sort = (list: Element[]) => [...list].sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
  return { nodes: sort(nodes), edges: sort(edges) };
};

/** What the explorer answers: search, a neighbourhood, paths and an export. */
async function answers(app: AppUnderTest, ids: string[]) {
  const get = async (url: string) => (await request(app.app).get(url).expect(200)).body;
  const neighborhood = await get('/api/graph/neighborhood?ids=country:RUS&depth=2&limit=500');
  const paths = await get('/api/graph/paths?from=person:li-qiang&to=country:UKR&all=true');
  return {
    search: await get('/api/search?q=putin'),
    accents: await get('/api/search?q=zelensk'),
    schema: await get('/api/schema'),
    neighborhood: { elements: byId(neighborhood.elements), meta: neighborhood.meta },
    paths: { elements: byId(paths.elements), length: paths.meta.length, count: paths.meta.paths.length },
    export: JSON.parse((await download(app.app, { format: 'json', ids })).text),
  };
}

describe('a store rebuilt from an export', () => {
  it('when rebuilt from the Cypher script, it holds the same data and answers the same', async ({ makeApp }) => {
    const ids = await allIds(original);
    const script = (await download(original.app, { format: 'cypher', ids })).text;
    const rebuilt = await makeApp({ seed: (store) => replay(store, script) });
    expect(await fingerprint(rebuilt.store)).toEqual(await fingerprint(original.store));
    expect((await answers(rebuilt, ids)).search.hits.length).toBeGreaterThan(0);
    expect(await answers(rebuilt, ids)).toEqual(await answers(original, ids));
  });

  it('when rebuilt through load-csv.cypher, it holds the same data and answers the same', async ({
    makeApp,
    tempDir,
  }) => {
    const ids = await allIds(original);
    const files = await unzip((await download(original.app, { format: 'neo4j-csv', ids })).body);
    const dir = tempDir('kg-import-');
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    // The embedded engine reads LOAD CSV from a path where Neo4j reads its import folder (file:///).
    const script = files['load-csv.cypher']!.replaceAll('"file:///', `"${dir}/`);
    const rebuilt = await makeApp({ seed: (store) => replay(store, script) });
    expect(await fingerprint(rebuilt.store)).toEqual(await fingerprint(original.store));
    expect(await answers(rebuilt, ids)).toEqual(await answers(original, ids));
  });

  it('when the Cypher script of the whole graph is linted against Neo4j 5, each kind of statement is clean', async () => {
    const script = (await download(original.app, { format: 'cypher', ids: await allIds(original) })).text;
    // Statements that differ only in their literal values are linted once (the awkward fixture's
    // script, linted whole in cypher-script.test.ts, covers the values).
    const kinds = new Map<string, string>();
    for (const statement of scriptStatements(script)) {
      kinds.set(statement.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/-?\d+(\.\d+)?(e-?\d+)?/g, '0'), statement);
    }
    expect(lintCypher([...kinds.values()].map((statement) => `${statement};`).join('\n'))).toEqual([]);
  });

  it('when the LOAD CSV script of the whole graph is linted against Neo4j 5, it is clean', async () => {
    const file = await download(original.app, { format: 'neo4j-csv', ids: await allIds(original) });
    expect(lintCypher((await unzip(file.body))['load-csv.cypher']!)).toEqual([]);
  });
});
