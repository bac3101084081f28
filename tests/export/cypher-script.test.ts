// The Cypher script replayed into an empty embedded store (every property of every element
// compared, exactly) and linted with Neo4j's own linter for Neo4j 5.
import { applySchema } from '../../server/loader/load.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { queryText, statements } from '../../server/store/queries.ts';
import { awkwardNodes, awkwardRelationships, seedAwkward } from '../support/awkward-graph.ts';
import { lintCypher } from '../support/cypher-lint.ts';
import { awkwardGraph, download } from '../support/export-files.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';
import { replay, scriptStatements, storeGraph } from '../support/replay.ts';

const h = fileApp({ seed: seedAwkward });
const ids = Object.keys(awkwardGraph().nodes);
const names = {
  labels: [...new Set(awkwardNodes.flatMap((node) => node.labels))],
  relationshipTypes: [...new Set(awkwardRelationships.map((r) => r.type))],
};

describe('cypher export', () => {
  it('when replayed into an empty store, it recreates every node, relationship and property exactly', async ({
    onTestFinished,
  }) => {
    const script = (await download(h.app, { format: 'cypher', ids })).text;
    const target = openEmbeddedStore();
    onTestFinished(() => target.close());
    await replay(target, script);
    expect(await storeGraph(target)).toEqual(awkwardGraph());
  });

  it('when replayed twice, the second run changes nothing', async ({ onTestFinished }) => {
    const script = (await download(h.app, { format: 'cypher', ids })).text;
    const target = openEmbeddedStore();
    onTestFinished(() => target.close());
    await replay(target, script);
    await replay(target, script);
    expect(await storeGraph(target)).toEqual(awkwardGraph());
  });

  it('when linted against Neo4j 5, no statement has an error or a warning', async () => {
    const script = (await download(h.app, { format: 'cypher', ids })).text;
    expect(lintCypher(script, names)).toEqual([]);
  });

  it('when values hold control characters, every statement is one line of printable text', async () => {
    const script = (await download(h.app, { format: 'cypher', ids })).text;
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the script
    expect(script.replaceAll('\n', '')).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
    const schema = statements(queryText('schema')).length;
    expect(scriptStatements(script).length).toBe(schema + awkwardNodes.length + awkwardRelationships.length);
  });
});

describe('cypher export of names that cannot be written safely', () => {
  const unsafe = 'L\\u0060 SET n:X WITH n MATCH (z) DETACH DELETE z //';
  const withUnsafeLabel = async (store: Parameters<typeof seedAwkward>[0]) => {
    await applySchema(store);
    // The engine keeps \u0060 inside backquotes as six characters; Neo4j would read a backquote.
    await store.write({ text: `CREATE (:Entity:\`${unsafe}\` {id: 'unsafe:1', name: 'x'})` });
  };

  it.for(['cypher', 'neo4j-csv'])(
    'when a label holds a backslash, the %s export is refused with 422 naming it',
    async (format, { makeApp }) => {
      const app = await makeApp({ seed: withUnsafeLabel });
      const file = await download(app.app, { format, ids: ['unsafe:1'] });
      expect(file.status).toBe(422);
      expect(JSON.parse(file.text).detail).toContain(JSON.stringify(unsafe));
    },
  );

  it('when a label holds a backslash, the json export still carries it', async ({ makeApp }) => {
    const app = await makeApp({ seed: withUnsafeLabel });
    const file = await download(app.app, { format: 'json', ids: ['unsafe:1'] });
    expect(file.status).toBe(200);
    expect(JSON.parse(file.text).nodes[0].labels).toContain(unsafe);
  });
});
