// The synthetic generator: deterministic, power-law shaped, consistent, and loadable.
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { storeCounts } from '../../server/domain/schema.ts';
import { SyntheticGraph, createRandom, loadSynthetic, syntheticTypes } from '../../seed/synthetic.ts';

const spec = { nodes: 2000, relationships: 20_000, seed: 7 };
const everything = (graph: SyntheticGraph) => ({
  nodes: [...graph.nodes()],
  relationships: [...graph.relationshipChunks(1000)].flat(),
});

describe('the synthetic generator', () => {
  it('gives the same data for the same seed, whatever the chunk size, and other data for another seed', () => {
    const first = everything(new SyntheticGraph(spec));
    expect(everything(new SyntheticGraph(spec))).toEqual(first);
    const rechunked = [...new SyntheticGraph(spec).relationshipChunks(333)].flat();
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...rechunked].sort(byId)).toEqual([...first.relationships].sort(byId));
    expect(everything(new SyntheticGraph({ ...spec, seed: 8 }))).not.toEqual(first);
  });

  it('has a seeded PRNG in [0, 1)', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(draws);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  it('makes the asked-for counts, unique ids, and relationships whose ends exist', () => {
    const { nodes, relationships } = everything(new SyntheticGraph(spec));
    expect(nodes).toHaveLength(spec.nodes);
    expect(relationships).toHaveLength(spec.relationships);
    const ids = new Set(nodes.map((node) => node.id));
    expect(ids.size).toBe(nodes.length);
    expect(new Set(relationships.map((r) => r.id)).size).toBe(relationships.length);
    const labelOf = new Map(nodes.map((node) => [node.id, node.label]));
    for (const r of relationships) {
      expect(ids.has(r.source) && ids.has(r.target), `${r.id} ${r.source}->${r.target}`).toBe(true);
      expect(r.source).not.toBe(r.target);
      const kind = syntheticTypes.find((t) => t.type === r.type)!;
      expect(kind.from).toContain(labelOf.get(r.source));
      expect(kind.to).toContain(labelOf.get(r.target));
      expect(r.properties.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const source of r.properties.sources as string[]) expect(ids.has(source)).toBe(true);
    }
    expect(new Set(nodes.map((node) => node.label))).toEqual(
      new Set(['Source', 'Country', 'Person', 'Organization', 'Event']),
    );
    expect(new Set(relationships.map((r) => r.type)).size).toBeGreaterThanOrEqual(10);
    const years = new Set(relationships.map((r) => String(r.properties.date).slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(20);
    for (const node of nodes) {
      expect(node.properties.searchName).toBe(String(node.properties.name).toLowerCase());
      expect(String(node.properties.searchText)).toContain(node.id);
    }
  });

  it('has power-law degrees: a few hubs far above the median', () => {
    const graph = new SyntheticGraph(spec);
    const degrees = graph.degrees();
    const all = [...graph.nodes()].map((node) => degrees.get(node.id) ?? 0).sort((a, b) => a - b);
    const median = all[all.length >> 1]!;
    const max = all[all.length - 1]!;
    expect(median).toBeGreaterThan(0);
    expect(max).toBeGreaterThan(50 * median);
    // Few hubs: the top 1% of nodes hold a large share of the ends, but not all of them.
    const top = all.slice(-Math.ceil(all.length / 100)).reduce((sum, d) => sum + d, 0);
    const share = top / (2 * spec.relationships);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
  });

  it.each(['create', 'merge'] as const)('loads into an in-memory store with the expected counts (%s)', async (mode) => {
    const small = new SyntheticGraph({ nodes: 300, relationships: 3000, seed: 3 });
    const store = openEmbeddedStore();
    try {
      const result = await loadSynthetic(store, small, { batchSize: 500, relationships: mode });
      expect(result).toMatchObject({ nodes: 300, relationships: 3000 });
      expect(await storeCounts(store)).toEqual({ nodes: 300, relationships: 3000 });
      const { rows } = await store.read(
        { text: 'MATCH (n:Entity {id: $id})-[r]-() RETURN count(r) AS degree' },
        { id: 'syn:country:0' },
      );
      expect(Number(rows[0]?.degree)).toBe(small.degrees().get('syn:country:0'));
    } finally {
      await store.close();
    }
  });
});
