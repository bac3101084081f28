// The parts of @neo4j-cypher/editor-support 1.0.2 that its package exports (es/editor-support.js:
// `parse`, `CypherTypes`) but its declarations leave out: the parse's reference index per kind of
// name, and the parser's context classes to tell where a name stands.
import '@neo4j-cypher/editor-support';

declare module '@neo4j-cypher/editor-support' {
  /** A name in the parse tree, with its characters' span (`stop` inclusive). */
  export interface NameContext {
    getText(): string;
    parentCtx: NameContext | null;
    start: { start: number };
    stop: { stop: number } | null;
  }
  export interface ReferencesProvider {
    getNames(): string[];
    getReferences(name: string): NameContext[] | undefined;
  }
  export function parse(input: string): {
    referencesProviders: Map<unknown, ReferencesProvider>;
  };
  export const CypherTypes: {
    LABEL_NAME_CONTEXT: unknown;
    RELATIONSHIP_TYPE_NAME_CONTEXT: unknown;
    PROPERTY_KEY_NAME_CONTEXT: unknown;
    PROPERTY_LOOKUP_CONTEXT: abstract new (...args: never[]) => unknown;
    PROPERTIES_CONTEXT: abstract new (...args: never[]) => unknown;
    MAP_LITERAL_CONTEXT: abstract new (...args: never[]) => unknown;
  };
}
