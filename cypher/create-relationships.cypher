// Bulk load into a store known to hold none of these relationships yet (a fresh synthetic load):
// CREATE instead of MERGE, so no per-row lookup of an existing relationship. Not idempotent: the
// idempotent path is upsert-relationships.cypher. __TYPE__ is replaced by a checked type name.
UNWIND $rows AS row
MATCH (source:Entity {id: row.source})
MATCH (target:Entity {id: row.target})
CREATE (source)-[r:__TYPE__]->(target)
SET r = row.properties
RETURN count(r) AS created
