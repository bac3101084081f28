// Per node of $ids and relationship type: [outgoing, incoming] counts, as a map from type to that
// pair. The line with __TYPE__ is repeated for each type asked about, checked names only
// (queries.ts): an expansion of a named type is counted without reading each relationship's type.
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS nodeId, {
  __TYPE__: [size([(n)-[:__TYPE__]->() | 1]), size([(n)<-[:__TYPE__]-() | 1])]
} AS degrees
ORDER BY nodeId
