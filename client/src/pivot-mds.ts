// A fast overview layout for large views on plain arrays: pivot MDS (Brandes & Pich, "Eigensolver
// methods for progressive multidimensional scaling of large data", 2006), the same idea as fcose's
// spectral draft without Cytoscape collections (which cost fcose ~80% of its time at 10k elements).
// Breadth-first distances from k pivots, double centring, the top two eigenvectors of the k×k
// matrix by power iteration; then nodes that land on the same spot are spread on a small sunflower,
// and disconnected components are packed in rows, largest first.

export interface PivotMdsOptions {
  /** Pivots (breadth-first searches): more is smoother and slower. */
  pivots?: number;
  /** Mean edge length in the result, in model pixels. */
  edgeLength?: number;
  /** Spacing of nodes that share a spot, and between packed components. */
  spacing?: number;
}

/** Positions (x0, y0, x1, y1, …) for nodes 0…nodeCount-1; `edges` holds (source, target) index pairs. */
export function pivotMdsLayout(nodeCount: number, edges: Uint32Array, options: PivotMdsOptions = {}): Float64Array {
  const pivotCount = options.pivots ?? 25;
  const edgeLength = options.edgeLength ?? 60;
  const spacing = options.spacing ?? 36;
  const positions = new Float64Array(nodeCount * 2);
  if (nodeCount === 0) return positions;

  // Adjacency in compressed rows.
  const degree = new Uint32Array(nodeCount);
  for (let j = 0; j < edges.length; j++) degree[edges[j]!]!++;
  const start = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) start[i + 1] = start[i]! + degree[i]!;
  const fill = start.slice(0, nodeCount);
  const adjacent = new Uint32Array(edges.length);
  for (let j = 0; j < edges.length; j += 2) {
    const a = edges[j]!;
    const b = edges[j + 1]!;
    adjacent[fill[a]!++] = b;
    adjacent[fill[b]!++] = a;
  }

  // Connected components (breadth-first), each laid out on its own.
  const component = new Int32Array(nodeCount).fill(-1);
  const queue = new Uint32Array(nodeCount);
  const members: Uint32Array[] = [];
  for (let seed = 0; seed < nodeCount; seed++) {
    if (component[seed] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = seed;
    component[seed] = members.length;
    while (head < tail) {
      const node = queue[head++]!;
      for (let k = start[node]!; k < start[node + 1]!; k++) {
        const next = adjacent[k]!;
        if (component[next] === -1) {
          component[next] = members.length;
          queue[tail++] = next;
        }
      }
    }
    members.push(queue.slice(0, tail));
  }

  const distance = new Int32Array(nodeCount);
  /** Breadth-first hop counts from `source` within its component, into `distance`. */
  const bfs = (source: number) => {
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    distance[source] = 0;
    while (head < tail) {
      const node = queue[head++]!;
      const d = distance[node]! + 1;
      for (let k = start[node]!; k < start[node + 1]!; k++) {
        const next = adjacent[k]!;
        if (distance[next] === -1) {
          distance[next] = d;
          queue[tail++] = next;
        }
      }
    }
  };

  const boxes: { nodes: Uint32Array; x1: number; y1: number; x2: number; y2: number }[] = [];
  for (const nodes of members) {
    layoutComponent(nodes);
    spreadCoincident(nodes);
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const node of nodes) {
      const x = positions[2 * node]!;
      const y = positions[2 * node + 1]!;
      if (x < x1) x1 = x;
      if (x > x2) x2 = x;
      if (y < y1) y1 = y;
      if (y > y2) y2 = y;
    }
    boxes.push({ nodes, x1, y1, x2, y2 });
  }
  packRows(boxes);
  return positions;

  function layoutComponent(nodes: Uint32Array): void {
    const n = nodes.length;
    if (n <= 2) {
      for (let i = 0; i < n; i++) positions[2 * nodes[i]!] = i * edgeLength;
      return;
    }
    const local = new Map<number, number>();
    nodes.forEach((node, i) => void local.set(node, i));
    const k = Math.min(pivotCount, n);
    // C (n × k): squared hop distances to each pivot; pivots chosen max-min, starting at the best-connected node.
    const c = new Float64Array(n * k);
    const nearest = new Float64Array(n).fill(Infinity);
    let pivot = nodes[0]!;
    for (const node of nodes) if (degree[node]! > degree[pivot]!) pivot = node;
    for (let p = 0; p < k; p++) {
      for (const node of nodes) distance[node] = -1;
      bfs(pivot);
      let farthest = pivot;
      let farthestDistance = -1;
      for (let i = 0; i < n; i++) {
        const d = distance[nodes[i]!]!;
        c[i * k + p] = d * d;
        if (d < nearest[i]!) nearest[i] = d;
        if (nearest[i]! > farthestDistance) {
          farthestDistance = nearest[i]!;
          farthest = nodes[i]!;
        }
      }
      pivot = farthest;
    }
    // Double centring.
    const rowMean = new Float64Array(n);
    const colMean = new Float64Array(k);
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < k; p++) {
        const v = c[i * k + p]!;
        rowMean[i] = rowMean[i]! + v;
        colMean[p] = colMean[p]! + v;
        total += v;
      }
    }
    for (let i = 0; i < n; i++) rowMean[i]! /= k;
    for (let p = 0; p < k; p++) colMean[p]! /= n;
    total /= n * k;
    for (let i = 0; i < n; i++)
      for (let p = 0; p < k; p++) c[i * k + p] = -0.5 * (c[i * k + p]! - rowMean[i]! - colMean[p]! + total);
    // B = CᵀC (k × k), its top two eigenvectors by power iteration (the second deflated against the first).
    const b = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < k; p++) {
        const cp = c[i * k + p]!;
        if (cp === 0) continue;
        for (let q = p; q < k; q++) b[p * k + q] = b[p * k + q]! + cp * c[i * k + q]!;
      }
    }
    for (let p = 0; p < k; p++) for (let q = 0; q < p; q++) b[p * k + q] = b[q * k + p]!;
    const eigen = (orthogonalTo?: Float64Array) => {
      let v = new Float64Array(k).map((_, p) => 1 + ((p * 7919) % 13) / 13);
      for (let iteration = 0; iteration < 200; iteration++) {
        if (orthogonalTo) {
          let dot = 0;
          for (let p = 0; p < k; p++) dot += v[p]! * orthogonalTo[p]!;
          for (let p = 0; p < k; p++) v[p]! -= dot * orthogonalTo[p]!;
        }
        const next = new Float64Array(k);
        for (let p = 0; p < k; p++) {
          let sum = 0;
          for (let q = 0; q < k; q++) sum += b[p * k + q]! * v[q]!;
          next[p] = sum;
        }
        const norm = Math.hypot(...next) || 1;
        let change = 0;
        for (let p = 0; p < k; p++) {
          next[p]! /= norm;
          change += Math.abs(next[p]! - v[p]!);
        }
        v = next;
        if (change < 1e-9) break;
      }
      return v;
    };
    const first = eigen();
    const second = eigen(first);
    for (let i = 0; i < n; i++) {
      let x = 0;
      let y = 0;
      for (let p = 0; p < k; p++) {
        x += c[i * k + p]! * first[p]!;
        y += c[i * k + p]! * second[p]!;
      }
      positions[2 * nodes[i]!] = x;
      positions[2 * nodes[i]! + 1] = y;
    }
    // Scale so that the mean edge is `edgeLength` long.
    let sum = 0;
    let count = 0;
    for (const node of nodes) {
      for (let e = start[node]!; e < start[node + 1]!; e++) {
        const other = adjacent[e]!;
        if (other <= node || !local.has(other)) continue;
        sum += Math.hypot(
          positions[2 * node]! - positions[2 * other]!,
          positions[2 * node + 1]! - positions[2 * other + 1]!,
        );
        count++;
      }
    }
    // …or more, so the component's longer side is about √n·`spacing` (MDS packs dense cores tightly).
    let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity; // prettier-ignore
    for (const node of nodes) {
      const x = positions[2 * node]!;
      const y = positions[2 * node + 1]!;
      x1 = Math.min(x1, x);
      x2 = Math.max(x2, x);
      y1 = Math.min(y1, y);
      y2 = Math.max(y2, y);
    }
    // (The longer side: a graph that MDS draws nearly flat, a star say, must not be blown up to fill a square.)
    const extent = Math.max(1e-9, x2 - x1, y2 - y1);
    const scale = Math.max(sum > 0 ? edgeLength / (sum / count) : 1, (Math.sqrt(n) * spacing) / extent);
    for (const node of nodes) {
      positions[2 * node]! *= scale;
      positions[2 * node + 1]! *= scale;
    }
  }

  /** Nodes with the same distances to every pivot land on one spot: a sunflower around it. */
  function spreadCoincident(nodes: Uint32Array): void {
    const groups = new Map<string, number[]>();
    for (const node of nodes) {
      const key = `${Math.round(positions[2 * node]! / 4)},${Math.round(positions[2 * node + 1]! / 4)}`;
      const group = groups.get(key);
      if (group) group.push(node);
      else groups.set(key, [node]);
    }
    const golden = Math.PI * (3 - Math.sqrt(5));
    for (const group of groups.values()) {
      for (let i = 1; i < group.length; i++) {
        const r = spacing * Math.sqrt(i);
        const node = group[i]!;
        positions[2 * node] = positions[2 * node]! + r * Math.cos(i * golden);
        positions[2 * node + 1] = positions[2 * node + 1]! + r * Math.sin(i * golden);
      }
    }
  }

  /** Components in rows, largest first, in a roughly square area. */
  function packRows(list: typeof boxes): void {
    list.sort((a, b) => b.nodes.length - a.nodes.length);
    const area = list.reduce((sum, box) => sum + (box.x2 - box.x1 + spacing) * (box.y2 - box.y1 + spacing), 0);
    const rowWidth = Math.max(Math.sqrt(area) * 1.2, list[0]!.x2 - list[0]!.x1);
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    for (const box of list) {
      const width = box.x2 - box.x1;
      const height = box.y2 - box.y1;
      if (x > 0 && x + width > rowWidth) {
        x = 0;
        y += rowHeight + spacing * 2;
        rowHeight = 0;
      }
      const dx = x - box.x1;
      const dy = y - box.y1;
      for (const node of box.nodes) {
        positions[2 * node]! += dx;
        positions[2 * node + 1]! += dy;
      }
      x += width + spacing * 2;
      rowHeight = Math.max(rowHeight, height);
    }
  }
}
