// $q is normalised by the caller like searchName (lower case, accents stripped).
// Ranked: exact name or id, then a word of the name starting with $q (so "putin" finds the person
// Vladimir Putin as surely as an article titled "Putin and Xi ..."; the shorter name first), then
// substring of name, aliases or id.
MATCH (n:Entity)
WHERE n.searchText CONTAINS $q
  AND (size($labels) = 0 OR any(label IN labels(n) WHERE label IN $labels))
WITH n,
     CASE
       WHEN n.searchName = $q OR toLower(n.id) = $q THEN 0
       WHEN (' ' + n.searchName) CONTAINS (' ' + $q) THEN 1
       ELSE 2
     END AS rank
RETURN n, rank
ORDER BY rank, size(n.name), n.name
LIMIT $limit
