// Search from the full-text index entity_search_prefixes (schema.cypher) over searchPrefixes, the
// word starts the loader derives: $terms (one per query word, space-separated) give at most $pool
// candidates, best first. Those whose searchText contains $q (normalised like searchName) are
// ranked by fragments/search-rank.cypher (0 exact, 1 a word starts with $q, 2 contained); the
// others get rank 3 and come last, so a row always tells `pooled`, how many candidates the index
// gave (fewer than $pool: it gave every node with a term). The caller drops rank 3.
// The embedded engine runs search-index.embedded.cypher instead (its index has another API).
CALL db.index.fulltext.queryNodes('entity_search_prefixes', $terms, {limit: $pool}) YIELD node
WITH collect(node) AS candidates
UNWIND candidates AS n
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
