// Shortest paths between two nodes, at most $maxLength hops (6, the pattern's bound, is the
// ceiling: Cypher takes no parameters in variable-length bounds). :__TYPES__ is replaced by a
// list of relationship types checked against the database's own (`:A|B`), or removed for any
// type: a type filter must be in the pattern, as a WHERE on the path would apply after the search.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:__TYPES__*..6]-(b))
WHERE length(p) <= $maxLength
RETURN p
LIMIT $limit
