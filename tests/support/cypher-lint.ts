// Neo4j's own linter for Neo4j 5 (@neo4j-cypher/language-support), as tests/cypher/lint.test.ts
// sets it up: the registry snapshot of Neo4j 5's functions and procedures, so unknown ones count.
import { isNotParamError, lintCypherQuery, testData } from '@neo4j-cypher/language-support';

/** Every diagnostic (syntax, semantics, deprecations) the linter gives the text, one line each. */
export function lintCypher(text: string, names: { labels?: string[]; relationshipTypes?: string[] } = {}): string[] {
  const dbSchema = {
    functions: testData.mockSchema.functions,
    procedures: testData.mockSchema.procedures,
    defaultLanguage: 'CYPHER 5' as const,
    ...names,
  };
  return lintCypherQuery(text, dbSchema)
    .diagnostics.map((diagnostic) => ({
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
      line: diagnostic.range.start.line + 1,
    }))
    .filter(isNotParamError)
    .map(({ line, message }) => `line ${line}: ${message}`);
}
