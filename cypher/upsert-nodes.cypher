// Upserts a batch of nodes of one label. __LABEL__ is replaced by a checked label name.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:__LABEL__
SET n += row.properties
