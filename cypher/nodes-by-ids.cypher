// The nodes with the given stable ids (unknown ids are simply missing from the result).
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n
ORDER BY n.id
