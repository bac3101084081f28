// The map layout on the canvas: loads the atlas (once), places the drawn nodes by the rules of
// map-placement.ts and bends the relationships into arcs. Pinned nodes stay where they are.
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutRun } from '../layout.ts';
import { loadAtlas } from './atlas-loader.ts';
import { bendEdges } from './map-bends.ts';
import { placeEdge, placeNode } from './map-nodes.ts';
import { placeOnMap } from './map-placement.ts';

export async function runMapLayout(cy: Core, run: LayoutRun): Promise<void> {
  const atlas = await loadAtlas();
  const drawn = cy.nodes().not('.hidden, .filtered');
  if (drawn.empty()) return;
  // Ties are read from every relationship in view, drawn or not: a filter does not move a node.
  const placement = placeOnMap(
    drawn.map((node) => placeNode(node.id(), String(node.data('_kind')), node.data() as Record<string, unknown>)),
    cy.edges().map((edge) => placeEdge(edge.data() as Record<string, unknown>)),
    atlas.points,
    atlas,
  );
  await new Promise<void>((resolve) => {
    const layout = drawn.layout({
      name: 'preset',
      animate: !run.large,
      animationDuration: 300,
      fit: true,
      padding: 40,
      positions: (node: NodeSingular) => placement.positions.get(node.id())!,
    } as LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
  bendEdges(cy);
}
