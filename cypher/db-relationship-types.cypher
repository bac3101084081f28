// The relationship types the database knows: user-given types are checked against this list.
CALL db.relationshipTypes() YIELD relationshipType
RETURN relationshipType AS type
ORDER BY type
