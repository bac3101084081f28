// The quote of every relationship citing source $id (at most $limit), to place them in its article.
MATCH ()-[r]->()
WHERE $id IN r.sources AND r.quote IS NOT NULL
RETURN r.id AS id, r.quote AS quote
ORDER BY id
LIMIT $limit
