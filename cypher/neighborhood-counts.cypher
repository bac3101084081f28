// Per node of $ids and relationship type: how many relationships match the filters.
// The API compares these with what it returned to report what the limit left out.
// Dates are ISO strings; a relationship with a period (date..dateEnd) matches when it overlaps.
MATCH (n:Entity)-[r]-(m)
WHERE n.id IN $ids
  AND (size($types) = 0 OR type(r) IN $types)
  AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  AND ($from IS NULL OR coalesce(r.dateEnd, r.date) >= $from)
  AND ($to IS NULL OR r.date <= $to)
RETURN n.id AS nodeId, type(r) AS type, count(r) AS total
ORDER BY nodeId, type
