// The embedded engine only: its unique constraint (schema.cypher) checks by scanning and is not
// backed by an index, so every MERGE or MATCH on Entity.id scanned all nodes. This index makes
// them lookups. Not for Neo4j, where the constraint has its own index and this one would conflict.
CREATE INDEX entity_id_lookup IF NOT EXISTS FOR (n:Entity) ON (n.id)
