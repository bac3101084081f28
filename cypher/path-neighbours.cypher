// The relationships of node $id over the types in the pattern (:__TYPES__, replaced as in
// paths.cypher), each with the id of its other end: one side of a short path search.
MATCH (n:Entity {id: $id})-[r:__TYPES__]-(m)
RETURN r, m.id AS other
