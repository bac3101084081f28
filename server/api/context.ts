import type { CypherConsole } from '../cypher-console/types.ts';
import type { ArticleReader } from '../domain/sources.ts';
import type { GraphStore } from '../store/port.ts';
import type { ExportSlots } from './export-slots.ts';
import { HttpProblem } from './problems.ts';

/** What the routes need. */
export interface ApiContext {
  store: GraphStore;
  cypherConsole?: CypherConsole;
  /** Reads a source's article by its file name. */
  readArticle: ArticleReader;
  /** Exports: the slots they run in, and the most graph data one may hold, in bytes. */
  exports: { slots: ExportSlots; maxBytes: number };
}

export function requireConsole(context: ApiContext): CypherConsole {
  if (!context.cypherConsole)
    throw new HttpProblem(503, 'Service Unavailable', 'the Cypher console is not enabled on this server');
  return context.cypherConsole;
}
