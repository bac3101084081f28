// The exact matches of a search through the indexes on searchName and id, whichever candidates
// the full-text index ranks first: $q normalised like searchName, $ids the forms of $q to try as
// an id. The labels filter is search.cypher's.
MATCH (n:Entity)
WHERE n.searchName = $q
  AND (size($labels) = 0 OR any(label IN labels(n) WHERE label IN $labels))
RETURN n
UNION
MATCH (n:Entity)
WHERE n.id IN $ids
  AND (size($labels) = 0 OR any(label IN labels(n) WHERE label IN $labels))
RETURN n
