// Overlap removal after a layout: moves nodes (their shape and caption together) apart from each
// other and from the captions of relationships they are not an end of. A few rounds of pushing
// each overlapping pair apart along the axis where they overlap least; pinned nodes stay put and
// the other of a pair moves the whole way. Pure and deterministic: the same boxes give the same
// positions, so a view keeps its picture.

export interface NodeBox {
  readonly id: string;
  /** The node's position. */
  readonly x: number;
  readonly y: number;
  /** Its box (shape and caption) as half sizes around position + offset. */
  readonly halfWidth: number;
  readonly halfHeight: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly fixed: boolean;
}

/** A relationship's caption: its box around the midpoint of its ends (plus an offset for curved edges). */
export interface LabelBox {
  readonly source: string;
  readonly target: string;
  readonly halfWidth: number;
  readonly halfHeight: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export interface OverlapOptions {
  /** Space kept between boxes, in model pixels. */
  gap?: number;
  rounds?: number;
}

interface Moving {
  id: string;
  x: number;
  y: number;
  box: NodeBox;
}

/** How far two boxes overlap on each axis (positive: they do, by that much plus the gap). */
function penetration(
  ax: number,
  ay: number,
  a: { halfWidth: number; halfHeight: number },
  bx: number,
  by: number,
  b: { halfWidth: number; halfHeight: number },
  gap: number,
): { x: number; y: number } {
  return {
    x: a.halfWidth + b.halfWidth + gap - Math.abs(ax - bx),
    y: a.halfHeight + b.halfHeight + gap - Math.abs(ay - by),
  };
}

/** A direction for a push when two centres coincide: from the ids, so it is the same every time. */
const tieSign = (a: string, b: string) => (a < b ? -1 : 1);

/** New positions for the nodes that moved (the others keep theirs). */
export function removeOverlaps(
  nodes: readonly NodeBox[],
  labels: readonly LabelBox[],
  options: OverlapOptions = {},
): Map<string, { x: number; y: number }> {
  const gap = options.gap ?? 6;
  const rounds = options.rounds ?? 80;
  const moving: Moving[] = [...nodes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((box) => ({ id: box.id, x: box.x, y: box.y, box }));
  const byId = new Map(moving.map((node) => [node.id, node]));
  const cx = (node: Moving) => node.x + node.box.offsetX;
  const cy = (node: Moving) => node.y + node.box.offsetY;
  const push = (node: Moving, dx: number, dy: number) => {
    node.x += dx;
    node.y += dy;
  };
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    // Node against node, swept along x: only pairs whose boxes can meet on x are compared.
    const order = [...moving].sort((a, b) => cx(a) - a.box.halfWidth - (cx(b) - b.box.halfWidth));
    for (let i = 0; i < order.length; i++) {
      const a = order[i]!;
      for (let j = i + 1; j < order.length; j++) {
        const b = order[j]!;
        if (cx(b) - b.box.halfWidth > cx(a) + a.box.halfWidth + gap) break;
        if (a.box.fixed && b.box.fixed) continue;
        const over = penetration(cx(a), cy(a), a.box, cx(b), cy(b), b.box, gap);
        if (over.x <= 0 || over.y <= 0) continue;
        const alongX = over.x < over.y;
        const distance = alongX ? over.x : over.y;
        const delta = alongX ? cx(a) - cx(b) : cy(a) - cy(b);
        const sign = delta === 0 ? tieSign(a.id, b.id) : Math.sign(delta);
        const shareA = a.box.fixed ? 0 : b.box.fixed ? 1 : 0.5;
        const shareB = 1 - shareA;
        push(a, alongX ? sign * distance * shareA : 0, alongX ? 0 : sign * distance * shareA);
        push(b, alongX ? -sign * distance * shareB : 0, alongX ? 0 : -sign * distance * shareB);
        moved = true;
      }
    }
    // Node against the captions of relationships it is not an end of: the node moves off the caption.
    // Captions go in a grid each round (they move with their ends), so a node meets only those near it.
    const cell = 120;
    const grid = new Map<string, { label: LabelBox; x: number; y: number; source: Moving; target: Moving }[]>();
    for (const label of labels) {
      const source = byId.get(label.source);
      const target = byId.get(label.target);
      if (!source || !target) continue;
      const x = (source.x + target.x) / 2 + label.offsetX;
      const y = (source.y + target.y) / 2 + label.offsetY;
      for (let gx = Math.floor((x - label.halfWidth) / cell); gx <= Math.floor((x + label.halfWidth) / cell); gx++)
        for (
          let gy = Math.floor((y - label.halfHeight) / cell);
          gy <= Math.floor((y + label.halfHeight) / cell);
          gy++
        ) {
          const key = `${gx},${gy}`;
          const entry = { label, x, y, source, target };
          const list = grid.get(key);
          if (list) list.push(entry);
          else grid.set(key, [entry]);
        }
    }
    for (const node of moving) {
      if (node.box.fixed) continue;
      const seen = new Set<LabelBox>();
      const [x0, x1] = [cx(node) - node.box.halfWidth, cx(node) + node.box.halfWidth];
      const [y0, y1] = [cy(node) - node.box.halfHeight, cy(node) + node.box.halfHeight];
      for (let gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++)
        for (let gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++)
          for (const { label, x: lx, y: ly, source, target } of grid.get(`${gx},${gy}`) ?? []) {
            if (seen.has(label) || node === source || node === target) continue;
            seen.add(label);
            const over = penetration(cx(node), cy(node), node.box, lx, ly, label, gap);
            if (over.x <= 0 || over.y <= 0) continue;
            const alongX = over.x < over.y;
            const delta = alongX ? cx(node) - lx : cy(node) - ly;
            const sign = delta === 0 ? tieSign(node.id, label.source) : Math.sign(delta);
            push(node, alongX ? sign * over.x : 0, alongX ? 0 : sign * over.y);
            moved = true;
          }
    }
    if (!moved) break;
  }
  const result = new Map<string, { x: number; y: number }>();
  for (const node of moving)
    if (node.x !== node.box.x || node.y !== node.box.y) result.set(node.id, { x: node.x, y: node.y });
  return result;
}
