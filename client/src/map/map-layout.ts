// The map layout on the canvas: loads the atlas (once), places the drawn nodes by the rules of
// map-placement.ts and bends the relationships into arcs. Pinned nodes stay where they are.
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutRun } from '../layout.ts';
import { loadAtlas, loadedAtlas } from './atlas-loader.ts';
import { bendEdges } from './map-bends.ts';
import { placeEdge, placeNode } from './map-nodes.ts';
import { mapScale, placeOnMap } from './map-placement.ts';

export async function runMapLayout(cy: Core, run: LayoutRun): Promise<void> {
  // Once loaded, the atlas is used without an await: the sync that added the nodes and this layout
  // then happen before the next frame, which would otherwise draw every node at its start.
  // Without the atlas (its chunk did not load: the map view says so) the nodes stay where they are.
  const atlas = loadedAtlas() ?? (await loadAtlas().catch(() => undefined));
  if (!atlas) return;
  const drawn = cy.nodes().not('.hidden, .filtered');
  if (drawn.empty()) return;
  // Ties are read from every relationship in view, drawn or not, and the map's scale from every
  // node: a filter moves no node and does not resize the map.
  const toPlace = (node: NodeSingular) =>
    placeNode(node.id(), String(node.data('_kind')), node.data() as Record<string, unknown>);
  const edges = cy.edges().map((edge) => placeEdge(edge.data() as Record<string, unknown>));
  const scale = mapScale(cy.nodes().map(toPlace), edges, atlas.points, atlas);
  const placement = placeOnMap(drawn.map(toPlace), edges, atlas.points, atlas, scale);
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
