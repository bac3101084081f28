// Schema: run once per store, before loading. Statements are separated by ';'.
// Every node carries :Entity and a stable, human-readable id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
// searchName is the accent-free, lower-case name the loader derives; ranking compares against it.
CREATE INDEX entity_search_name IF NOT EXISTS FOR (n:Entity) ON (n.searchName);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)
