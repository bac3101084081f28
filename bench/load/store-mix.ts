// The load run's requests against a synthetic store (`npm run seed -- --synthetic`): the same kinds
// of request as the curated mix, on nodes drawn with a fixed seed from the store's own ids, so a
// run reaches hubs and quiet nodes alike instead of one chosen node.
import { createRandom, labelCounts, nodeId, type SyntheticLabel } from '../../seed/synthetic.ts';

export interface MixRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** How many different nodes (and pairs) the mix draws per kind of request. */
const sampleSize = 40;
/** Name prefixes the synthetic generator's names contain (people's, organisations', places'). */
const searches = ['an', 'mar', 'ivan', 'li', 'ia', 'ministry', 'summit', 'chen', 'ol', 'x'];

export function syntheticStoreMix(totalNodes: number, seed = 7): MixRequest[] {
  const counts = labelCounts(totalNodes);
  const random = createRandom(seed);
  const pick = (label: SyntheticLabel) => nodeId(label, Math.floor(random() * counts[label]));
  const get = (path: string): MixRequest => ({ method: 'GET', path });
  const post = (path: string, body: object): MixRequest => ({ method: 'POST', path, body: JSON.stringify(body) });
  const requests: MixRequest[] = [get('/api/health'), get('/api/schema')];
  for (let index = 0; index < sampleSize; index++) {
    const person = pick('Person');
    const people = Array.from({ length: 20 }, () => pick('Person'));
    requests.push(
      get(`/api/nodes/${person}`),
      get(`/api/graph/neighborhood?ids=${person}`),
      get(`/api/graph/neighborhood?ids=${pick('Organization')}&depth=2&limit=500`),
      get(`/api/graph/neighborhood?ids=${pick('Country')}&limit=500`),
      get(`/api/graph/paths?from=${person}&to=${pick('Person')}`),
      get(`/api/search?q=${searches[index % searches.length]}`),
      post('/api/graph/subgraph', { ids: people }),
      post('/api/export', { format: 'graphml', ids: people.slice(0, 5) }),
      get(`/api/sources/${pick('Source')}/claims?limit=50`),
      post('/api/cypher', { query: 'MATCH (n {id: $id})--(m) RETURN m.id AS id LIMIT 20', params: { id: person } }),
    );
  }
  return requests;
}
