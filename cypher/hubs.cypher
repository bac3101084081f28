// Every node with more than $minDegree relationships, or with a hub summary: the nodes whose
// summaries a load refreshes.
MATCH (n:Entity)
WITH n, COUNT { (n)--() } AS degree
WHERE degree > $minDegree OR n.hubDegree IS NOT NULL
RETURN n.id AS nodeId, degree
ORDER BY nodeId
