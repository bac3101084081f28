// Every relationship between nodes $a and $b, in either direction, that passes the type and date
// filters, in time order: the first $limit.
MATCH (a:Entity {id: $a})-[r]-(b:Entity {id: $b})
WHERE {{type-matches}}
  AND {{date-in-range}}
WITH r
ORDER BY r.date, r.id
LIMIT $limit
RETURN r
