// The synthetic generator: deterministic, power-law shaped, consistent, and loadable.
import { storeCounts } from '../../server/domain/schema.ts';
import { SyntheticGraph, createRandom, loadSynthetic, syntheticTypes } from '../../seed/synthetic.ts';
import { describe, expect, it } from '../support/fixtures.ts';

const spec = { nodes: 2000, relationships: 20_000, seed: 7 };
const everything = (graph: SyntheticGraph) => ({
  nodes: [...graph.nodes()],
  relationships: [...graph.relationshipChunks(1000)].flat(),
});

describe('the synthetic generator', () => {
  const generated = everything(new SyntheticGraph(spec));
  const { nodes, relationships } = generated;
  const ids = new Set(nodes.map((node) => node.id));
  const labelOf = new Map(nodes.map((node) => [node.id, node.label]));

  it('when run twice with the same seed, gives the same data', () => {
    expect(everything(new SyntheticGraph(spec))).toEqual(generated);
  });

  it('when the chunk size changes, gives the same relationships', () => {
    const rechunked = [...new SyntheticGraph(spec).relationshipChunks(333)].flat();
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...rechunked].sort(byId)).toEqual([...relationships].sort(byId));
  });

  it('when the seed changes, gives other data', () => {
    expect(everything(new SyntheticGraph({ ...spec, seed: 8 }))).not.toEqual(generated);
  });

  it('when its PRNG is seeded alike, it draws alike', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(draws);
  });

  it('when its PRNG draws, every draw is in [0, 1)', () => {
    const random = createRandom(1);
    const draws = Array.from({ length: 1000 }, () => random());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  it('when asked for counts, makes that many nodes and relationships', () => {
    expect(nodes).toHaveLength(spec.nodes);
    expect(relationships).toHaveLength(spec.relationships);
  });

  it('when it makes nodes, their ids are unique', () => {
    expect(ids.size).toBe(nodes.length);
  });

  it('when it makes relationships, their ids are unique', () => {
    expect(new Set(relationships.map((r) => r.id)).size).toBe(relationships.length);
  });

  it('when it makes a relationship, both ends exist and differ', () => {
    for (const r of relationships) {
      expect(ids.has(r.source) && ids.has(r.target), `${r.id} ${r.source}->${r.target}`).toBe(true);
      expect(r.source).not.toBe(r.target);
    }
  });

  it('when it makes a relationship, its ends have labels its type allows', () => {
    for (const r of relationships) {
      const kind = syntheticTypes.find((t) => t.type === r.type)!;
      expect(kind.from).toContain(labelOf.get(r.source));
      expect(kind.to).toContain(labelOf.get(r.target));
    }
  });

  it('when it makes a relationship, its date is an ISO date', () => {
    for (const r of relationships) expect(r.properties.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('when a relationship cites sources, each is a node', () => {
    for (const r of relationships)
      for (const source of r.properties.sources as string[]) expect(ids.has(source)).toBe(true);
  });

  it('when it makes nodes, every label of the data set is used', () => {
    expect(new Set(nodes.map((node) => node.label))).toEqual(
      new Set(['Source', 'Country', 'Person', 'Organization', 'Event']),
    );
  });

  it('when it makes relationships, at least 10 types are used', () => {
    expect(new Set(relationships.map((r) => r.type)).size).toBeGreaterThanOrEqual(10);
  });

  it('when it dates relationships, they span at least 20 years', () => {
    const years = new Set(relationships.map((r) => String(r.properties.date).slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(20);
  });

  it('when it makes a node, its search properties are derived from its name and id', () => {
    for (const node of nodes) {
      expect(node.properties.searchName).toBe(String(node.properties.name).toLowerCase());
      expect(String(node.properties.searchText)).toContain(node.id);
    }
  });

  describe('degrees', () => {
    const graph = new SyntheticGraph(spec);
    const degrees = graph.degrees();
    const all = [...graph.nodes()].map((node) => degrees.get(node.id) ?? 0).sort((a, b) => a - b);

    it('when counted, a few hubs are far above a non-zero median', () => {
      const median = all[all.length >> 1]!;
      const max = all[all.length - 1]!;
      expect(median).toBeGreaterThan(0);
      expect(max).toBeGreaterThan(50 * median);
    });

    it('when counted, the top 1% of nodes hold a large share of the ends, but not all of them', () => {
      const top = all.slice(-Math.ceil(all.length / 100)).reduce((sum, d) => sum + d, 0);
      const share = top / (2 * spec.relationships);
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.8);
    });
  });

  describe('loading', () => {
    const small = new SyntheticGraph({ nodes: 300, relationships: 3000, seed: 3 });

    it.for(['create', 'merge'] as const)(
      'when loaded into an in-memory store (%s), it reports and holds the expected counts',
      async (mode, { memoryStore }) => {
        const store = memoryStore();
        const result = await loadSynthetic(store, small, { batchSize: 500, relationships: mode });
        expect(result).toMatchObject({ nodes: 300, relationships: 3000 });
        expect(await storeCounts(store)).toEqual({ nodes: 300, relationships: 3000 });
      },
    );

    it.for(['create', 'merge'] as const)(
      "when loaded into an in-memory store (%s), a node's degree is the generator's",
      async (mode, { memoryStore }) => {
        const store = memoryStore();
        await loadSynthetic(store, small, { batchSize: 500, relationships: mode });
        const { rows } = await store.read(
          { text: 'MATCH (n:Entity {id: $id})-[r]-() RETURN count(r) AS degree' },
          { id: 'syn:country:0' },
        );
        expect(Number(rows[0]?.degree)).toBe(small.degrees().get('syn:country:0'));
      },
    );
  });
});
