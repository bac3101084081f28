// A graph whose names are Object.prototype's: labels `valueOf`, `toString`, `constructor`,
// `hasOwnProperty` and `__proto__`, a relationship typed `hasOwnProperty`, and properties named
// `__proto__`, `constructor` and `toString`. A plain object looked up by such a name answers from
// its prototype, and `object.__proto__ = value` sets the prototype instead of a property.
import { applySchema } from '../../server/loader/load.ts';
import type { GraphStore } from '../../server/store/port.ts';

export const prototypeLabels = ['valueOf', 'toString', 'constructor', 'hasOwnProperty', '__proto__'] as const;

/** The property every element here has under the name `__proto__`. */
export const protoValue = 'an own property named __proto__';

export const prototypeIds = {
  builder: 'proto:constructor',
  others: prototypeLabels.filter((label) => label !== 'constructor').map((label) => `proto:${label}`),
  relationship: 'rel:proto-has-own-property',
};

/** Properties as JSON.parse gives them: `__proto__` an own key, as a request body has it. */
const withProto = (properties: object) => ({
  ...JSON.parse(`{"__proto__": ${JSON.stringify(protoValue)}}`),
  ...properties,
});

/** Writes the graph (schema first) into an empty store: one node per label, linked to the `constructor` one. */
export async function seedPrototypeNames(store: GraphStore): Promise<void> {
  await applySchema(store);
  for (const label of prototypeLabels) {
    await store.write(
      { text: `CREATE (n:Entity:\`${label}\`) SET n = $properties` },
      { properties: withProto({ id: `proto:${label}`, name: `A ${label}`, constructor: 'a name', toString: 'x' }) },
    );
  }
  for (const [index, other] of prototypeIds.others.entries()) {
    const id = index === 0 ? prototypeIds.relationship : `${prototypeIds.relationship}-${index}`;
    await store.write(
      {
        text: 'MATCH (a:Entity {id: $source}), (b:Entity {id: $target}) CREATE (a)-[r:hasOwnProperty]->(b) SET r = $properties',
      },
      { source: prototypeIds.builder, target: other, properties: withProto({ id, date: '2024-05-16' }) },
    );
  }
}
