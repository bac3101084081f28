MATCH (n:Entity {id: $id})
RETURN n
