// One source by its stable id; a node that is not a Source is no answer. Matched as :Entity, whose
// id is indexed, then checked for the label.
MATCH (s:Entity {id: $id})
WHERE s:Source
RETURN s
