// One hop out of the nodes $ids: the matching relationships and neighbours, newest first,
// at most $limit, each with the id of the node of $ids it was reached from. The same filters as
// neighborhood-counts.cypher. The API walks depth hop by hop.
// Sorted and cut before r and m are returned, so only the rows kept are built in full (a hub's
// tens of thousands of relationships are compared by date, not materialised).
MATCH (n:Entity)-[r]-(m)
WHERE n.id IN $ids
  AND {{type-matches}}
  AND {{neighbour-matches}}
  AND {{date-in-range}}
WITH n, r, m
ORDER BY r.date DESC, r.id
LIMIT $limit
RETURN n.id AS nodeId, r, m
