// Overlap removal on the canvas: reads the drawn nodes' boxes (shape with caption) and the drawn
// relationships' caption boxes from Cytoscape, runs remove-overlaps.ts and moves the nodes.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { removeOverlaps, type LabelBox, type NodeBox } from './remove-overlaps.ts';

const drawn = '.hidden, .filtered, .folded';

/** The caption box of an element in model coordinates, or null when it has none. */
export function captionBox(
  ele: NodeSingular | EdgeSingular,
): { x1: number; y1: number; x2: number; y2: number } | null {
  if (!ele.style('label')) return null;
  const box = ele.boundingBox({
    includeNodes: false,
    includeEdges: false,
    includeLabels: true,
    includeOverlays: false,
  });
  return box.w > 0 && box.h > 0 ? box : null;
}

/** Moves the drawn nodes apart from each other and from relationship captions; returns how many moved. */
export function separateDrawn(cy: Core): number {
  const nodes = cy.nodes().not(drawn);
  const boxes: NodeBox[] = nodes.map((ele) => {
    const node = ele as NodeSingular;
    const position = node.position();
    const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
    return {
      id: node.id(),
      x: position.x,
      y: position.y,
      halfWidth: box.w / 2,
      halfHeight: box.h / 2,
      offsetX: (box.x1 + box.x2) / 2 - position.x,
      offsetY: (box.y1 + box.y2) / 2 - position.y,
      fixed: node.locked(),
    };
  });
  const labels: LabelBox[] = [];
  cy.edges()
    .not(drawn)
    .forEach((edge) => {
      const box = captionBox(edge);
      if (!box) return;
      const source = edge.source().position();
      const target = edge.target().position();
      labels.push({
        source: edge.source().id(),
        target: edge.target().id(),
        halfWidth: (box.x2 - box.x1) / 2,
        halfHeight: (box.y2 - box.y1) / 2,
        offsetX: (box.x1 + box.x2) / 2 - (source.x + target.x) / 2,
        offsetY: (box.y1 + box.y2) / 2 - (source.y + target.y) / 2,
      });
    });
  const moved = removeOverlaps(boxes, labels);
  cy.batch(() => {
    for (const [id, point] of moved) cy.getElementById(id).position(point);
  });
  return moved.size;
}
