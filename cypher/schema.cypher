// Schema: run once per store, before loading. Statements are separated by ';'.
// Every node carries :Entity and a stable, human-readable id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
// searchName is the accent-free, lower-case name the loader derives; ranking compares against it.
CREATE INDEX entity_search_name IF NOT EXISTS FOR (n:Entity) ON (n.searchName);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
// Search candidates: searchPrefixes holds every start of every word of the name, aliases and the
// last segment of the id (lower case, accent-free, space-separated), so each query word is one
// term. The whitespace analyzer keeps those terms as they are.
CREATE FULLTEXT INDEX entity_search_prefixes IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchPrefixes]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}
