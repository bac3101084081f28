// Bulk load into a store known to hold none of these nodes yet (a fresh synthetic load): CREATE
// instead of MERGE, so no per-row lookup of an existing node. Not idempotent: the idempotent path
// is upsert-nodes.cypher. __LABEL__ is replaced by a checked label name.
UNWIND $rows AS row
CREATE (n:Entity:__LABEL__)
SET n = row.properties
