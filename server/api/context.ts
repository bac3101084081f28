import type { CypherConsole } from '../cypher-console/types.ts';
import type { ArticleReader } from '../domain/sources.ts';
import type { GraphStore } from '../store/port.ts';
import type { ExportSlots } from './export-slots.ts';
import type { Bounded } from './bounded-routes.ts';
import { HttpProblem } from './problems.ts';

/** What the routes need. */
export interface ApiContext {
  store: GraphStore;
  cypherConsole?: CypherConsole;
  /** Reads a source's article by its file name. */
  readArticle: ArticleReader;
  /** Exports: the slots they run in, and the most graph data one may hold, in bytes. */
  exports: { slots: ExportSlots; maxBytes: number };
  /** Per-client limits and the time budget of the expensive reads. */
  bounded: Bounded;
  /** The most node ids a subgraph or an export by ids may name (MAX_VIEW_IDS). */
  maxIds: number;
}

export function requireConsole(context: ApiContext): CypherConsole {
  if (!context.cypherConsole)
    throw new HttpProblem(503, 'Service Unavailable', 'the Cypher console is not enabled on this server');
  return context.cypherConsole;
}
