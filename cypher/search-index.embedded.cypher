// search-index.cypher for the embedded engine, whose text index (created by the adapter for the
// FULLTEXT index in schema.cypher) is read through its grafeo.search.text procedure, which gives
// engine node ids: id() is that engine's lookup by node id (a seek), not Neo4j's deprecated one.
CALL grafeo.search.text('Entity', 'searchPrefixes', $terms, $pool) YIELD node_id
WITH collect(node_id) AS candidates
UNWIND candidates AS candidate
MATCH (n:Entity)
WHERE id(n) = candidate
WITH n,
     size(candidates) AS pooled,
     CASE
       WHEN NOT n.searchText CONTAINS $q
         OR NOT (size($labels) = 0 OR any(label IN labels(n) WHERE label IN $labels)) THEN 3
       ELSE {{search-rank}}
     END AS rank
RETURN n, rank, pooled
ORDER BY rank, size(n.name), n.name
LIMIT $limit
