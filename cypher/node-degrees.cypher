// Degree of one node per relationship type and direction.
MATCH (n:Entity {id: $id})-[r]-(other)
RETURN type(r) AS type,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       count(r) AS count
ORDER BY type, direction
