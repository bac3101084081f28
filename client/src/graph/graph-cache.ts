// What the page knows of the graph: the nodes and relationships it has loaded, by id. The view
// state says which nodes are in view; their relationships come from here (scene.ts), and the
// reconciler keeps this complete for the nodes in view (one subgraph call per change of nodes).
import type { EdgeElement, Elements, NodeElement } from '../../../common/api.ts';

export class GraphCache {
  readonly nodes = new Map<string, NodeElement>();
  readonly edges = new Map<string, EdgeElement>();

  merge(elements: Elements): void {
    for (const node of elements.nodes) this.nodes.set(node.data.id, node);
    for (const edge of elements.edges) this.edges.set(edge.data.id, edge);
  }

  /**
   * Takes the server's answer for the relationships among `ids`: every relationship it returned,
   * and, when the answer was complete, drops the ones it no longer has (unless one of their ends
   * is `unknownToServer`: elements given by a script, which the server cannot vouch for).
   */
  settleAmong(
    ids: ReadonlySet<string>,
    answer: Elements,
    complete: boolean,
    unknownToServer: ReadonlySet<string>,
  ): void {
    this.merge(answer);
    if (!complete) return;
    const returned = new Set(answer.edges.map((edge) => edge.data.id));
    for (const [id, edge] of this.edges) {
      const { source, target } = edge.data;
      if (returned.has(id) || unknownToServer.has(source) || unknownToServer.has(target)) continue;
      if (ids.has(source) && ids.has(target)) this.edges.delete(id);
    }
  }

  /** Every known relationship between two of the nodes. */
  edgesAmong(ids: ReadonlySet<string>): EdgeElement[] {
    const among: EdgeElement[] = [];
    for (const edge of this.edges.values())
      if (ids.has(edge.data.source) && ids.has(edge.data.target)) among.push(edge);
    return among;
  }
}
