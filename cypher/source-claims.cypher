// The relationships citing source $id (in their `sources` list), with both ends, in time order:
// the first $limit. Relationships reference sources by id, so every relationship is looked at.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $id IN r.sources
WITH a, r, b
ORDER BY r.date, r.id
LIMIT $limit
RETURN r, a, b
