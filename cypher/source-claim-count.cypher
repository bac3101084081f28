// How many relationships cite source $id: asked only when source-claims.cypher hit its limit.
MATCH ()-[r]->()
WHERE $id IN r.sources
RETURN count(r) AS total
