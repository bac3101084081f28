// Every relationship between two nodes of $ids that passes the filters: one of $types (any type
// when empty), both ends with one of $labels (any label when empty), in the date range. `total`
// counts them all; `relationships` holds the first $limit by id, so a limit always cuts the same way.
// Each start node is found by its id (an index seek per id, whatever the planner makes of a list),
// and only its outgoing relationships are looked at.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN $ids
  AND (size($labels) = 0 OR (any(label IN labels(a) WHERE label IN $labels) AND any(label IN labels(b) WHERE label IN $labels)))
  AND {{type-matches}}
  AND {{date-in-range}}
WITH r
ORDER BY r.id
WITH collect(r) AS matched
RETURN size(matched) AS total, matched[0..$limit] AS relationships
