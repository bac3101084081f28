// The captions drawn on the canvas as rotated rectangles in model coordinates (declutter.ts):
// centred where Cytoscape puts the label, as wide as the text measures in its font, turned with the
// edge where the label follows it; and the classes that hide or show relationship captions.
import type { Core, EdgeSingular, SingularElementReturnValue } from 'cytoscape';
import { captionsToHide, type Caption } from './declutter.ts';

const notDrawn = '.hidden, .filtered, .folded';
let measure: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string, font: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * 6;
  measure.font = font;
  return Math.max(...text.split('\n').map((line) => measure!.measureText(line).width));
}

const px = (value: unknown) => Number.parseFloat(String(value)) || 0;

function captionOf(ele: SingularElementReturnValue, priority: number): Caption | null {
  const text = String(ele.style('label') ?? '');
  if (!text) return null;
  const box = ele.boundingBox({
    includeNodes: false,
    includeEdges: false,
    includeLabels: true,
    includeOverlays: false,
  });
  if (!(box.w > 0 && box.h > 0)) return null;
  const size = px(ele.style('font-size'));
  const font = `${String(ele.style('font-weight'))} ${size}px ${String(ele.style('font-family'))}`;
  const padding = px(ele.style('text-background-padding'));
  let angle = 0;
  if (ele.isEdge() && ele.style('text-rotation') === 'autorotate') {
    const edge = ele as unknown as EdgeSingular;
    const s = edge.source().position();
    const t = edge.target().position();
    angle = Math.atan2(t.y - s.y, t.x - s.x);
    if (angle > Math.PI / 2) angle -= Math.PI;
    if (angle < -Math.PI / 2) angle += Math.PI;
  }
  const lines = text.split('\n').length;
  return {
    id: ele.id(),
    priority,
    x: (box.x1 + box.x2) / 2,
    y: (box.y1 + box.y2) / 2,
    halfWidth: Math.min(box.w, textWidth(text, font) + 2 * padding) / 2,
    halfHeight: (lines * size * 1.2 + 2 * padding) / 2,
    angle,
  };
}

/** Every caption drawn (nodes' always kept; relationships' by the priority the declutter gives them). */
export function drawnCaptions(cy: Core): Caption[] {
  const captions: Caption[] = [];
  cy.elements()
    .not(notDrawn)
    .forEach((ele: SingularElementReturnValue) => {
      const priority = ele.group() === 'nodes' ? Infinity : ele.selected() ? 3 : ele.hasClass('bundle') ? 2 : 1;
      const caption = captionOf(ele, priority);
      if (caption) captions.push(caption);
    });
  return captions;
}

/** Hides the relationship captions that would overlap others (class `caption-hidden`); returns how many. */
export function declutterCaptions(cy: Core): number {
  const hidden = captionsToHide(drawnCaptions(cy));
  cy.batch(() => cy.edges().forEach((edge) => void edge.toggleClass('caption-hidden', hidden.has(edge.id()))));
  return hidden.size;
}
