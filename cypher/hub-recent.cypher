// A node's $limit newest relationships in neighborhood-step.cypher's order (without its filters):
// what its hub summary keeps. Only the relationships are sorted; the other end of each is the one
// that is not $id.
MATCH (n:Entity {id: $id})-[r]-()
WITH r
ORDER BY r.date DESC, r.id
LIMIT $limit
RETURN r
