// How n matches $q (normalised like searchName by the caller): 0 its name or id is $q, 1 a word of
// its name starts with $q (so "putin" finds the person Vladimir Putin as surely as an article
// titled "Putin and Xi ..."), 2 otherwise (the caller keeps only nodes whose searchText holds $q).
CASE
  WHEN n.searchName = $q OR toLower(n.id) = $q THEN 0
  WHEN (' ' + n.searchName) CONTAINS (' ' + $q) THEN 1
  ELSE 2
END
