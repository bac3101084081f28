// When the selection asks for the story between two nodes: two nodes selected (with, at most,
// relationships between them), or a bundle of parallel relationships (two or more, all joining
// the same two nodes, either way round).
import type { Scene } from '../view/scene.ts';

export function storyPair(selection: readonly string[], scene: Scene): [string, string] | null {
  const nodeIds = new Set(scene.nodes.map((node) => node.data.id));
  const edgeById = new Map(scene.edges.map((edge) => [edge.data.id, edge]));
  const nodes = selection.filter((id) => nodeIds.has(id));
  const edges = selection.flatMap((id) => {
    const edge = edgeById.get(id);
    return edge ? [edge] : [];
  });
  if (nodes.length + edges.length !== selection.length) return null;
  const joins = (a: string, b: string) =>
    edges.every(({ data }) => (data.source === a && data.target === b) || (data.source === b && data.target === a));
  if (nodes.length === 2) return joins(nodes[0]!, nodes[1]!) ? [nodes[0]!, nodes[1]!] : null;
  if (nodes.length === 0 && edges.length >= 2) {
    const { source, target } = edges[0]!.data;
    return source !== target && joins(source, target) ? [source, target] : null;
  }
  return null;
}
