// How many relationships between $a and $b pass the filters (as between.cypher): asked only when
// that hit its limit.
MATCH (a:Entity {id: $a})-[r]-(b:Entity {id: $b})
WHERE {{type-matches}}
  AND {{date-in-range}}
RETURN count(r) AS total
