// A fingerprint of everything a store holds, to prove an attempt changed nothing.
import { createHash } from 'node:crypto';
import type { GraphStore } from '../../server/store/port.ts';

export interface Fingerprint {
  nodes: number;
  relationships: number;
  /** sha256 over every node's id, labels and properties and every relationship's id, type, ends and properties. */
  checksum: string;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

export async function fingerprint(store: GraphStore): Promise<Fingerprint> {
  const nodes = await store.read({
    text: 'MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
  });
  const rels = await store.read({
    text: 'MATCH (a)-[r]->(b) RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props ORDER BY id',
  });
  const hash = createHash('sha256');
  for (const row of nodes.rows) hash.update(canonical(row)).update('\n');
  for (const row of rels.rows) hash.update(canonical(row)).update('\n');
  return { nodes: nodes.rows.length, relationships: rels.rows.length, checksum: hash.digest('hex') };
}
