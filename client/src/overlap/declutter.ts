// Captions that would overlap are not drawn: in a dense view, relationship captions are taken in
// order of priority (a selected element's first, then bundles', then the others, each by id) and
// one that overlaps a caption already kept is hidden (it shows again on hover or selection). Node
// captions are always kept (overlap removal has moved nodes apart with their captions). Captions
// are rotated rectangles (a relationship's follows its edge); overlap is tested exactly (separating
// axes). Pure: the same captions give the same answer.

export interface Caption {
  readonly id: string;
  /** Higher first; `Infinity`: always kept. */
  readonly priority: number;
  readonly x: number;
  readonly y: number;
  readonly halfWidth: number;
  readonly halfHeight: number;
  /** Radians. */
  readonly angle: number;
}

function axes(caption: Caption): [number, number][] {
  const cos = Math.cos(caption.angle);
  const sin = Math.sin(caption.angle);
  return [
    [cos, sin],
    [-sin, cos],
  ];
}

/** Half of the caption's extent along a unit axis. */
function reach(caption: Caption, [ax, ay]: [number, number]): number {
  const cos = Math.cos(caption.angle);
  const sin = Math.sin(caption.angle);
  return caption.halfWidth * Math.abs(cos * ax + sin * ay) + caption.halfHeight * Math.abs(-sin * ax + cos * ay);
}

export function overlap(a: Caption, b: Caption): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const radius = (caption: Caption) => Math.hypot(caption.halfWidth, caption.halfHeight);
  if (Math.hypot(dx, dy) >= radius(a) + radius(b)) return false;
  for (const axis of [...axes(a), ...axes(b)]) {
    const distance = Math.abs(dx * axis[0] + dy * axis[1]);
    if (distance >= reach(a, axis) + reach(b, axis)) return false;
  }
  return true;
}

/** A grid over the plane for finding the captions near one (cells the size of a large caption). */
class Grid {
  private readonly cells = new Map<string, Caption[]>();
  constructor(private readonly size: number) {}

  private keys(caption: Caption): string[] {
    const r = Math.hypot(caption.halfWidth, caption.halfHeight);
    const keys: string[] = [];
    for (let gx = Math.floor((caption.x - r) / this.size); gx <= Math.floor((caption.x + r) / this.size); gx++)
      for (let gy = Math.floor((caption.y - r) / this.size); gy <= Math.floor((caption.y + r) / this.size); gy++)
        keys.push(`${gx},${gy}`);
    return keys;
  }

  add(caption: Caption): void {
    for (const key of this.keys(caption)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(caption);
      else this.cells.set(key, [caption]);
    }
  }

  near(caption: Caption): Set<Caption> {
    const found = new Set<Caption>();
    for (const key of this.keys(caption)) for (const other of this.cells.get(key) ?? []) found.add(other);
    return found;
  }
}

const order = (a: Caption, b: Caption) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The ids of captions to hide: each overlaps one of higher priority that is kept. */
export function captionsToHide(captions: readonly Caption[]): Set<string> {
  const grid = new Grid(96);
  const hidden = new Set<string>();
  for (const caption of [...captions].sort(order)) {
    const clash = caption.priority !== Infinity && [...grid.near(caption)].some((kept) => overlap(caption, kept));
    if (clash) hidden.add(caption.id);
    else grid.add(caption);
  }
  return hidden;
}

/** Pairs of captions that overlap (the benchmark's count). */
export function overlappingPairs(captions: readonly Caption[]): number {
  const grid = new Grid(96);
  let pairs = 0;
  for (const caption of captions) {
    for (const other of grid.near(caption)) if (overlap(caption, other)) pairs++;
    grid.add(caption);
  }
  return pairs;
}
