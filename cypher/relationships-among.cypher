// Every relationship whose two ends are both among $ids: the induced subgraph's edges.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
RETURN r
ORDER BY r.id
