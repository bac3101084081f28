// Per node of $ids: how many relationships match the filters, all types together. The API
// compares these with what it returned; only for nodes where the limit left some out does it ask
// for counts per type (neighborhood-type-counts.cypher), which names the types in its patterns
// instead of reading type(r) for every relationship.
MATCH (n:Entity)-[r]-(m)
WHERE n.id IN $ids
  AND {{type-matches}}
  AND {{neighbour-matches}}
  AND {{date-in-range}}
RETURN n.id AS nodeId, count(r) AS total
ORDER BY nodeId
