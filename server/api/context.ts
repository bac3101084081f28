import type { CypherConsole } from '../cypher-console/types.ts';
import type { GraphStore } from '../store/port.ts';
import { HttpProblem } from './problems.ts';

/** What the routes need. */
export interface ApiContext {
  store: GraphStore;
  cypherConsole?: CypherConsole;
}

export function requireConsole(context: ApiContext): CypherConsole {
  if (!context.cypherConsole)
    throw new HttpProblem(503, 'Service Unavailable', 'the Cypher console is not enabled on this server');
  return context.cypherConsole;
}
