// What the benchmark measures: each case as a direct domain call and as the HTTP request for it.
import { neighborhood } from '../server/domain/neighborhood.ts';
import { nodeDetails } from '../server/domain/nodes.ts';
import { shortestPaths } from '../server/domain/paths.ts';
import { search } from '../server/domain/search.ts';
import type { GraphStore } from '../server/store/port.ts';
import type { Target } from './latency-client.ts';

export interface Case {
  name: string;
  direct: (store: GraphStore) => Promise<unknown>;
  api: (base: string) => Target;
}

/** The nodes the cases ask about: a typical node, another one for paths, and the biggest hub. */
export interface Subjects {
  node: string;
  other: string;
  hub: string;
}

const adHoc = 'MATCH (n:Entity {id: $id})-[r]-(m) RETURN m.name AS name, type(r) AS type LIMIT 25';

export function cases({ node, other, hub }: Subjects): Case[] {
  const enc = encodeURIComponent;
  const get = (path: string) => (base: string) => ({ base, method: 'GET' as const, path });
  const hood = (ids: string[], depth: number) => (store: GraphStore) =>
    neighborhood(store, { ids, depth, types: [], labels: [], from: null, to: null, limit: 200 });
  return [
    { name: 'node by id', direct: (s) => nodeDetails(s, node), api: get(`/api/nodes/${enc(node)}`) },
    { name: 'node by id, hub', direct: (s) => nodeDetails(s, hub), api: get(`/api/nodes/${enc(hub)}`) },
    {
      name: 'search "kovalenko"',
      direct: (s) => search(s, { q: 'kovalenko', labels: [], limit: 20 }),
      api: get('/api/search?q=kovalenko'),
    },
    {
      name: '1-hop, typical node',
      direct: hood([node], 1),
      api: get(`/api/graph/neighborhood?ids=${enc(node)}&depth=1`),
    },
    {
      name: '2-hop, typical node',
      direct: hood([node], 2),
      api: get(`/api/graph/neighborhood?ids=${enc(node)}&depth=2`),
    },
    { name: '1-hop, hub', direct: hood([hub], 1), api: get(`/api/graph/neighborhood?ids=${enc(hub)}&depth=1`) },
    { name: '2-hop, hub', direct: hood([hub], 2), api: get(`/api/graph/neighborhood?ids=${enc(hub)}&depth=2`) },
    {
      name: 'shortest path, typical nodes',
      direct: (s) => shortestPaths(s, { from: node, to: other, maxLength: 4, types: [], all: false }),
      api: get(`/api/graph/paths?from=${enc(node)}&to=${enc(other)}`),
    },
    {
      name: 'ad-hoc Cypher (1-hop, 25 rows)',
      direct: (s) => s.read({ text: adHoc }, { id: node }),
      api: (base) => ({ base, method: 'POST', path: '/api/cypher', body: { query: adHoc, params: { id: node } } }),
    },
  ];
}

export async function timeCalls(run: () => Promise<unknown>, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** How many times to time a case: fewer for one slower than 200 ms a call. */
export async function runsFor(direct: () => Promise<unknown>, runs: number): Promise<number> {
  const probe = performance.now();
  await direct();
  return performance.now() - probe > 200 ? Math.min(runs, 20) : runs;
}
