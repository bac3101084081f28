// Per node of $ids and relationship type: how many relationships match the filters (the same as
// neighborhood-counts.cypher), as a map from type to count. The line with __TYPE__ is repeated
// for each type asked about, checked names only (queries.ts): an expansion of a named type is
// counted without reading each relationship's type.
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS nodeId, {
  __TYPE__: size([(n)-[r:__TYPE__]-(m) WHERE {{neighbour-matches}} AND {{date-in-range}} | r])
} AS totals
ORDER BY nodeId
