// A store that runs every call on another and records the named queries it was asked to read.
import type { GraphStore, Statement } from '../../server/store/port.ts';

export function recording(store: GraphStore): { store: GraphStore; reads: string[] } {
  const reads: string[] = [];
  const name = (statement: Statement) => (typeof statement === 'string' ? statement : 'text');
  return {
    reads,
    store: {
      kind: store.kind,
      read: (statement, params, options) => {
        reads.push(name(statement));
        return store.read(statement, params, options);
      },
      write: (statement, params, options) => store.write(statement, params, options),
      bulkCreateNodes: (label, rows) => store.bulkCreateNodes(label, rows),
      bulkCreateRelationships: (type, rows) => store.bulkCreateRelationships(type, rows),
      close: () => store.close(),
    },
  };
}
