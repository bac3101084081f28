// Keeps the loaded graph complete for the nodes in view: after any change of nodes (start view,
// search, expand, show more, path, console merge, permalink, undo/redo) one subgraph call brings
// every relationship among them. Says which ids the server no longer has, and how many
// relationships a limit left out, rather than dropping them silently.
import type { SubgraphResponse } from '../../../common/api.ts';
import type { GraphCache } from './graph-cache.ts';

/** The most ids one subgraph call takes (the API's limit); a server may take fewer (MAX_VIEW_IDS), and says so. */
export const maxIds = 5000;
/** The most relationships one call brings. */
export const maxRelationships = 20_000;

export interface Coverage {
  /** Ids the server does not have (and no script gave). */
  missing: string[];
  /** Relationships among the nodes that the limits left out: past the relationship limit, or among nodes past the id limit. */
  notLoaded: number;
  /** Nodes whose relationships were not asked for (past the id limit). */
  unchecked: number;
  /** The id limit: the most nodes whose relationships one call brings. */
  maxIds: number;
}

/** The cap a server named when it refused a call for too many ids (413 with the problem's maxIds). */
function refusedCap(error: unknown): number | undefined {
  const { status, problem } = (error ?? {}) as { status?: unknown; problem?: { maxIds?: unknown } };
  const cap = problem?.maxIds;
  return status === 413 && typeof cap === 'number' && Number.isInteger(cap) && cap > 0 ? cap : undefined;
}

export type FetchSubgraph = (body: { ids: string[]; limit: number }) => Promise<SubgraphResponse>;

export class Reconciler {
  /** The node set the last answer covered: every relationship among any subset of it is loaded. */
  private covered = new Set<string>();
  private last: Coverage = { missing: [], notLoaded: 0, unchecked: 0, maxIds };
  /** The most ids the server takes: the API's limit until it names a lower one. */
  private cap = maxIds;
  /** Nodes a script gave with their data that the server does not know (kept, never "missing"). */
  readonly scripted = new Set<string>();

  constructor(
    private readonly graph: GraphCache,
    private readonly fetchSubgraph: FetchSubgraph,
  ) {}

  /** Does the loaded graph hold every relationship among these nodes? */
  covers(ids: readonly string[]): boolean {
    return ids.every((id) => this.covered.has(id));
  }

  get coverage(): Coverage {
    return this.last;
  }

  /** Loads every relationship among the nodes (unless already covered). */
  async cover(ids: readonly string[]): Promise<Coverage> {
    if (this.covers(ids)) return this.last;
    const unique = [...new Set(ids)];
    let asked = unique.slice(0, this.cap);
    let answer: SubgraphResponse;
    try {
      answer = await this.fetchSubgraph({ ids: asked, limit: maxRelationships });
    } catch (error) {
      const cap = refusedCap(error);
      if (cap === undefined || cap >= asked.length) throw error;
      // The server takes fewer: ask for the first that many, and say how many were left unchecked.
      this.cap = cap;
      asked = unique.slice(0, cap);
      answer = await this.fetchSubgraph({ ids: asked, limit: maxRelationships });
    }
    const missing: string[] = [];
    for (const id of answer.meta.missing) {
      if (this.graph.nodes.has(id) && !answer.elements.nodes.some((node) => node.data.id === id)) this.scripted.add(id);
      else missing.push(id);
    }
    this.graph.settleAmong(new Set(asked), answer.elements, !answer.meta.truncated, this.scripted);
    this.covered = new Set(unique);
    this.last = {
      missing,
      notLoaded: answer.meta.total - answer.elements.edges.length,
      unchecked: unique.length - asked.length,
      maxIds: this.cap,
    };
    return this.last;
  }
}
