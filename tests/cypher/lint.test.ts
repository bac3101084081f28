// Every .cypher file is checked against Neo4j 5's grammar and semantics with Neo4j's own linter,
// so the Neo4j path is checked even where no Neo4j runs.
import { isNotParamError, lintCypherQuery, testData } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import {
  createNodesFor,
  createRelationshipsFor,
  cypherFiles,
  neighborhoodTypeCountsFor,
  nodeTypeDegreesFor,
  overTypes,
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

// A `<name>.embedded.cypher` file runs only on the embedded engine: it is checked against the
// same grammar, with the engine's text-search procedure declared, and its id() (the engine's node
// id, which it looks up directly) is not Neo4j's deprecated function.
const neo4jProcedures = testData.mockSchema.procedures!['CYPHER 5']!;
const fulltext = neo4jProcedures['db.index.fulltext.queryNodes']!;
const embeddedSchema = {
  ...dbSchema,
  procedures: {
    ...testData.mockSchema.procedures,
    'CYPHER 5': {
      ...neo4jProcedures,
      'grafeo.search.text': {
        ...fulltext,
        name: 'grafeo.search.text',
        description: 'BM25 full-text search over an inverted text index',
        signature:
          'grafeo.search.text(label :: STRING, property :: STRING, query :: STRING, k :: INTEGER) :: (node_id :: INTEGER, score :: FLOAT)',
        argumentDescription: ['label', 'property', 'query', 'k'].map((name) => ({
          isDeprecated: false,
          description: name,
          name,
          type: name === 'k' ? 'INTEGER' : 'STRING',
        })),
        returnDescription: [
          { isDeprecated: false, description: 'engine node id', name: 'node_id', type: 'INTEGER' },
          { isDeprecated: false, description: 'BM25 score', name: 'score', type: 'FLOAT' },
        ],
      },
    },
  },
};
const engineOnly = (message: string) => !/^Function id is deprecated|deprecated function\. \('id'/.test(message);

function lint(query: string, embedded = false): string[] {
  return lintCypherQuery(query, embedded ? embeddedSchema : dbSchema)
    .diagnostics.map((diagnostic) => ({
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
      line: diagnostic.range.start.line + 1,
    }))
    .filter(isNotParamError)
    .filter(({ message }) => !embedded || engineOnly(message))
    .map(({ line, message }) => `line ${line}: ${message}`);
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
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
  'node-type-degrees': () => nodeTypeDegreesFor(['VISITED', 'MET_WITH']),
  'path-neighbours': () => overTypes('path-neighbours', ['VISITED', 'MET_WITH']),
  'path-links': () => overTypes('path-links', ['VISITED', 'MET_WITH']),
  'path-link-relationships': () => overTypes('path-link-relationships', ['VISITED', 'MET_WITH']),
};

function asRun(file: string): string {
  const variant = file.endsWith('.embedded.cypher') ? 'embedded' : undefined;
  const name = file.replace(/(\.embedded)?\.cypher$/, '') as QueryName;
  return variant ? queryText(name, variant) : (withNames[name]?.().text ?? queryText(name));
}

describe('cypher/ against Neo4j 5', () => {
  it('has one file per query name and no file without one; a store variant only beside its query', () => {
    const [variants, files] = partition(cypherFiles(), (file) => file.endsWith('.embedded.cypher'));
    expect(files).toEqual(queryNames.map((name) => `${name}.cypher`).sort());
    for (const variant of variants) expect(files).toContain(variant.replace('.embedded.cypher', '.cypher'));
  });

  it.each(cypherFiles())('%s has no errors or warnings', (file) => {
    expect(lint(asRun(file), file.endsWith('.embedded.cypher'))).toEqual([]);
  });

  it('an embedded variant is still checked: an unknown procedure or a syntax error is reported', () => {
    expect(lint("CALL grafeo.nope('x') YIELD node_id RETURN node_id", true)).not.toEqual([]);
    expect(lint('MATCH (n WHERE id(n) = 1 RETURN n', true)).not.toEqual([]);
    expect(lint("CALL grafeo.search.text('Entity', 'p', 'q', 5) YIELD node_id RETURN node_id", true)).toEqual([]);
  });

  it('the linter catches what it should (so a clean result means something)', () => {
    expect(lint('MATCH (n RETURN n')).not.toEqual([]);
    expect(lint('MATCH (n) RETURN m')).not.toEqual([]);
    expect(lint('MATCH (n) RETURN notAFunction(n)')).not.toEqual([]);
    expect(lint('MATCH (n) WHERE id(n) = 1 RETURN n')).not.toEqual([]);
  });
});
