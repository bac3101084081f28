// What the embedded adapter adds where the engine differs from Neo4j.
import { expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { applySchema } from '../../seed/load.ts';

const plan = async (store: ReturnType<typeof openEmbeddedStore>) =>
  String((await store.read({ text: "EXPLAIN MATCH (n:Entity {id: 'country:RUS'}) RETURN n" })).rows[0]!.plan);

it('backs a uniqueness constraint with an index, as Neo4j does', async () => {
  const store = openEmbeddedStore();
  expect(await plan(store)).not.toContain('index: id');
  await applySchema(store);
  expect(await plan(store)).toContain('index: id');
  await store.close();
});
