// Per node of $ids: how many relationships match the filters, all types together. The API
// compares these with what it returned; only for nodes where the limit left some out does it ask
// for counts per type (neighborhood-type-counts.cypher). No type(r) here: on the embedded engine,
// reading every relationship's type made this the slowest part of a hub's neighbourhood.
// Dates are ISO strings; a relationship with a period (date..dateEnd) matches when it overlaps.
MATCH (n:Entity)-[r]-(m)
WHERE n.id IN $ids
  AND (size($types) = 0 OR type(r) IN $types)
  AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  AND ($from IS NULL OR coalesce(r.dateEnd, r.date) >= $from)
  AND ($to IS NULL OR r.date <= $to)
RETURN n.id AS nodeId, count(r) AS total
ORDER BY nodeId
