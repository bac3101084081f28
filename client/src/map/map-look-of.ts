// The map's look for a scene: which country each drawn node sits by, the measure per country over
// the relationships drawn, its shading classes and the strip's size. Pure.
import { nodeLabel, type Scene } from '../view/scene.ts';
import type { Atlas } from './atlas.ts';
import type { MapLook } from './map-look.ts';
import { measureByCountry, shadeClasses, shadeOf, type MapMeasureName, type ShadeClass } from './map-measures.ts';
import { placeEdge, placeNode } from './map-nodes.ts';
import { anchorsOf, mapScale, scaledFrame, stripBox } from './map-placement.ts';

export interface SceneMap {
  readonly look: MapLook;
  readonly classes: readonly ShadeClass[];
  /** How many drawn nodes have no place. */
  readonly unplaced: number;
}

export function mapLookOf(scene: Scene, measure: MapMeasureName, atlas: Atlas): SceneMap {
  const drawnNodes = scene.nodes.filter((node) => scene.drawn.has(node.data.id));
  // Ties are read from every relationship in view, drawn or not, and the scale from every node (as the layout reads them).
  const edges = scene.edges.map((edge) => placeEdge(edge.data));
  const toPlace = (node: (typeof scene.nodes)[number]) => placeNode(node.data.id, nodeLabel(node), node.data);
  const scale = mapScale(scene.nodes.map(toPlace), edges, atlas.points, atlas);
  const anchors = anchorsOf(drawnNodes.map(toPlace), edges, atlas.points);
  const drawnEdges = scene.edges.filter((edge) => scene.drawn.has(edge.data.id)).map((edge) => placeEdge(edge.data));
  const counts = measureByCountry(measure, drawnEdges, anchors);
  const classes = shadeClasses(Math.max(0, ...counts.values()));
  const fills = new Map<string, string>();
  for (const [iso3, count] of counts) {
    const color = shadeOf(count, classes);
    if (color) fills.set(iso3, color);
  }
  const unplaced = drawnNodes.filter((node) => !anchors.has(node.data.id)).length;
  const strip = unplaced > 0 ? stripBox(unplaced, scaledFrame(atlas, scale)) : null;
  return { look: { fills, strip, scale }, classes, unplaced };
}
