// About how many relationships each node of $ids has, as a short path search weighs where to look
// from: a hub's summary says it without counting them (if it is out of date, only that search's
// order of work suffers, not its answer).
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS nodeId,
       CASE WHEN n.hubDegree IS NULL THEN COUNT { (n)--() } ELSE n.hubDegree END AS degree
