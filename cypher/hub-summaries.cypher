// Per node of $ids: its degree now (all relationships, both directions) and, when the node has a
// hub summary taken at that same degree, the summary (set-hub-summaries.cypher): relationship
// counts per type and direction, and, when $recent is true, its newest relationships. A summary
// taken at another degree is stale (written around the loader) and not returned.
MATCH (n:Entity)
WHERE n.id IN $ids
WITH n, COUNT { (n)--() } AS degree
WITH n, degree, coalesce(n.hubDegree = degree, false) AS fresh
RETURN n.id AS nodeId,
       degree,
       fresh,
       CASE WHEN fresh THEN n.hubTypes END AS types,
       CASE WHEN fresh THEN n.hubOut END AS outCounts,
       CASE WHEN fresh THEN n.hubIn END AS inCounts,
       CASE WHEN fresh AND $recent THEN n.hubRecent END AS recent
ORDER BY nodeId
