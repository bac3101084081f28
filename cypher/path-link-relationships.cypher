// The relationships joining the pairs of $pairs ([id, id]) over the types in the pattern
// (:__TYPES__), at most $limit of them: path-links.cypher has counted them, and each gives at
// least one path, so $limit is all a caller wanting $limit paths needs.
UNWIND $pairs AS pair
MATCH (x:Entity {id: pair[0]})
MATCH (y:Entity {id: pair[1]})
MATCH (x)-[r:__TYPES__]-(y)
RETURN x.id AS x, y.id AS y, r
LIMIT $limit
