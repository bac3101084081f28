// How many relationships join each pair of $pairs ([id, id]) over the types in the pattern
// (:__TYPES__, replaced as in paths.cypher), for the pairs joined at all. Each pair is looked up
// from its first node's relationships, so the caller puts the node with fewer first.
UNWIND $pairs AS pair
MATCH (x:Entity {id: pair[0]})
MATCH (y:Entity {id: pair[1]})
MATCH (x)-[r:__TYPES__]-(y)
RETURN x.id AS x, y.id AS y, count(r) AS links
