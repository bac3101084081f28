/** Procedures that only read, by name: every other procedure call is refused. */
export const READ_PROCEDURES = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
] as const;

const keys = new Set<string>(READ_PROCEDURES.map((name) => name.toLowerCase()));

/** Is this procedure (dotted name, as Neo4j resolves it) on the read-only list? */
export const isReadProcedure = (name: string): boolean => keys.has(name.toLowerCase());
