// $q is normalised by the caller like searchName (lower case, accents stripped).
// Nodes whose name, aliases or id hold $q, ranked by search-rank (exact, word start, contained),
// then the shorter name first.
MATCH (n:Entity)
WHERE n.searchText CONTAINS $q
  AND (size($labels) = 0 OR any(label IN labels(n) WHERE label IN $labels))
WITH n,
     {{search-rank}} AS rank
RETURN n, rank
ORDER BY rank, size(n.name), n.name
LIMIT $limit
