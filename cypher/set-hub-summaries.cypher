// Stores hub summaries, one per row: the degree they were taken at, the relationship counts per
// type (hubTypes) and direction (hubOut, hubIn, in the order of hubTypes), and the newest
// relationships, newest first (neighborhood-step.cypher's order), as one JSON string: every read
// of the node carries it, and one string costs that read less than a list of them. Only the
// loader writes them; hub-summaries.cypher ignores one whose degree is no longer the node's.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.hubDegree = row.degree,
    n.hubTypes = row.types,
    n.hubOut = row.outCounts,
    n.hubIn = row.inCounts,
    n.hubRecent = row.recent
