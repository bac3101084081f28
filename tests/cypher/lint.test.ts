// Every .cypher file is checked against Neo4j 5's grammar and semantics with Neo4j's own linter,
// so the Neo4j path is checked even where no Neo4j runs.
import { isNotParamError, lintCypherQuery, testData } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import {
  createNodesFor,
  createRelationshipsFor,
  cypherFiles,
  neighborhoodTypeCountsFor,
  pathsFor,
  queryNames,
  queryText,
  upsertNodesFor,
  upsertRelationshipsFor,
  type QueryName,
} from '../../server/store/queries.ts';

// The linter only knows functions and procedures it is given; the package's registry snapshot of
// Neo4j 5's built-ins lets it flag unknown or misspelt ones.
const dbSchema = {
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
  defaultLanguage: 'CYPHER 5' as const,
};

function lint(query: string): string[] {
  return lintCypherQuery(query, dbSchema)
    .diagnostics.map((diagnostic) => ({
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
      line: diagnostic.range.start.line + 1,
    }))
    .filter(isNotParamError)
    .map(({ line, message }) => `line ${line}: ${message}`);
}

// Placeholder labels and types become real names, and fragments are expanded, before linting:
// the text is linted as it runs.
const withNames: Partial<Record<QueryName, () => { text: string }>> = {
  'upsert-nodes': () => upsertNodesFor('Country'),
  'create-nodes': () => createNodesFor('Country'),
  'upsert-relationships': () => upsertRelationshipsFor('TRADES_WITH'),
  'create-relationships': () => createRelationshipsFor('TRADES_WITH'),
  paths: () => pathsFor(['VISITED', 'MET_WITH']),
  'neighborhood-type-counts': () => neighborhoodTypeCountsFor(['VISITED', 'MET_WITH']),
};

function asRun(file: string): string {
  const name = file.replace(/\.cypher$/, '') as QueryName;
  return withNames[name]?.().text ?? queryText(name);
}

describe('cypher/ against Neo4j 5', () => {
  it('has one file per query name and no file without one', () => {
    expect(cypherFiles()).toEqual(queryNames.map((name) => `${name}.cypher`).sort());
  });

  it.each(cypherFiles())('%s has no errors or warnings', (file) => {
    expect(lint(asRun(file))).toEqual([]);
  });

  it('the linter catches what it should (so a clean result means something)', () => {
    expect(lint('MATCH (n RETURN n')).not.toEqual([]);
    expect(lint('MATCH (n) RETURN m')).not.toEqual([]);
    expect(lint('MATCH (n) RETURN notAFunction(n)')).not.toEqual([]);
    expect(lint('MATCH (n) WHERE id(n) = 1 RETURN n')).not.toEqual([]);
  });
});
