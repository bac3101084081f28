// All shortest paths up to $maxLength hops (the pattern's bound, 6, is the hard ceiling:
// Cypher does not take parameters in variable-length bounds), optionally restricted to $types.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxLength
  AND all(r IN relationships(p) WHERE size($types) = 0 OR type(r) IN $types)
RETURN p
LIMIT $limit
