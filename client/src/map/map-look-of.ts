// The map's look for a scene: which country each drawn node sits by, the measure per country over
// the relationships drawn, its shading classes and the strip's size. Pure.
import { nodeLabel, type Scene } from '../view/scene.ts';
import type { Atlas } from './atlas.ts';
import type { MapLook } from './map-look.ts';
import { measureByCountry, shadeClasses, shadeOf, type MapMeasureName, type ShadeClass } from './map-measures.ts';
import { placeEdge, placeNode } from './map-nodes.ts';
import { anchorsOf, stripBox } from './map-placement.ts';

export interface SceneMap {
  readonly look: MapLook;
  readonly classes: readonly ShadeClass[];
  /** How many drawn nodes have no place. */
  readonly unplaced: number;
}

export function mapLookOf(scene: Scene, measure: MapMeasureName, atlas: Atlas): SceneMap {
  const drawnNodes = scene.nodes.filter((node) => scene.drawn.has(node.data.id));
  // Ties are read from every relationship in view, drawn or not (as the layout reads them).
  const anchors = anchorsOf(
    drawnNodes.map((node) => placeNode(node.data.id, nodeLabel(node), node.data)),
    scene.edges.map((edge) => placeEdge(edge.data)),
    atlas.points,
  );
  const drawnEdges = scene.edges.filter((edge) => scene.drawn.has(edge.data.id)).map((edge) => placeEdge(edge.data));
  const counts = measureByCountry(measure, drawnEdges, anchors);
  const classes = shadeClasses(Math.max(0, ...counts.values()));
  const fills = new Map<string, string>();
  for (const [iso3, count] of counts) {
    const color = shadeOf(count, classes);
    if (color) fills.set(iso3, color);
  }
  const unplaced = drawnNodes.filter((node) => !anchors.has(node.data.id)).length;
  return { look: { fills, strip: unplaced > 0 ? stripBox(unplaced, atlas) : null }, classes, unplaced };
}
