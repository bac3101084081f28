// Every relationship whose two ends are both among $ids: the induced subgraph's edges. Each start
// node is found by its id (an index seek per id), and only its outgoing relationships are looked at.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN $ids
RETURN r
ORDER BY r.id
