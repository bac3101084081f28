// What the curated set claims in the store now: the nodes among $nodeIds that exist, and the
// relationships leaving them that cite one of the curated sources $sourceIds (by id). Compared
// with the set's records, this finds records missing (a seed cut short, or new in the set) and
// records the set no longer makes (removed or corrected by curation).
MATCH (n:Entity)
WHERE n.id IN $nodeIds
OPTIONAL MATCH (n)-[r]->()
WHERE any(source IN r.sources WHERE source IN $sourceIds)
RETURN n.id AS nodeId, collect(r.id) AS relationshipIds
