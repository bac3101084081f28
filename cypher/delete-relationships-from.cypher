// Deletes the relationships $ids that leave the nodes $fromIds (anchored on their start nodes,
// so no scan of every relationship). Used to drop claims the curated set no longer makes.
MATCH (n:Entity)-[r]->()
WHERE n.id IN $fromIds AND r.id IN $ids
DELETE r
RETURN count(*) AS deleted
