// Relationships within one hop of the given nodes, newest first, filtered by type, the
// neighbour's label and the relationship's date range. The API walks depth > 1 hop by hop.
MATCH (n:Entity)-[r]-(m)
WHERE n.id IN $ids
  AND (size($types) = 0 OR type(r) IN $types)
  AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  AND ($from IS NULL OR r.date >= $from)
  AND ($to IS NULL OR r.date <= $to)
RETURN n, r, m
ORDER BY r.date DESC
LIMIT $limit
