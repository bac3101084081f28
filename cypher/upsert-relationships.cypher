// Upserts a batch of relationships of one type. __TYPE__ is replaced by a checked type name.
// Both ends must exist already: the loader checks that before it writes anything.
UNWIND $rows AS row
MATCH (source:Entity {id: row.source})
MATCH (target:Entity {id: row.target})
MERGE (source)-[r:__TYPE__ {id: row.id}]->(target)
SET r += row.properties
