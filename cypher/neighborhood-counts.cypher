// Per node of $ids: how many relationships match the filters, all types together. The API
// compares these with what it returned; only for nodes where the limit left some out does it ask
// for counts per type (neighborhood-type-counts.cypher). Not grouped by type(r): on the embedded
// engine, reading every relationship's type made this the slowest part of a hub's neighbourhood
// (type(r) is read only when $types asks for some).
MATCH (n:Entity)-[r]-(m)
WHERE n.id IN $ids
  AND (size($types) = 0 OR type(r) IN $types)
  AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  AND {{relationship-in-date-range}}
RETURN n.id AS nodeId, count(r) AS total
ORDER BY nodeId
