// The embedded engine's procedures, checked by hand for file and network access (none has any:
// graph algorithms, label and key listings, index searches). With writes enabled, a procedure
// call runs as a write; a new engine version that adds one fails this test until it is checked.
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/store/embedded.ts';

const checked = [
  'grafeo.articulation_points',
  'grafeo.bellman_ford',
  'grafeo.betweenness_centrality',
  'grafeo.bfs',
  'grafeo.bridges',
  'grafeo.closeness_centrality',
  'grafeo.clustering_coefficient',
  'grafeo.connected_components',
  'grafeo.degree_centrality',
  'grafeo.dfs',
  'grafeo.dijkstra',
  'grafeo.floyd_warshall',
  'grafeo.kcore',
  'grafeo.kruskal',
  'grafeo.label_propagation',
  'grafeo.labels',
  'grafeo.louvain',
  'grafeo.max_flow',
  'grafeo.min_cost_max_flow',
  'grafeo.pagerank',
  'grafeo.prim',
  'grafeo.propertyKeys',
  'grafeo.relationshipTypes',
  'grafeo.search.mmr',
  'grafeo.search.text',
  'grafeo.search.vector',
  'grafeo.sssp',
  'grafeo.strongly_connected_components',
  'grafeo.topological_sort',
];

const store = openEmbeddedStore();
afterAll(() => store.close());

describe("the engine's procedures", () => {
  it('when the engine lists its procedures, each is one checked for file and network access', async () => {
    const { rows } = await store.read({ text: 'CALL grafeo.procedures() YIELD name RETURN name ORDER BY name' });
    expect(rows.map((row) => row.name)).toEqual(checked);
  });
});
