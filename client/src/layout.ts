// Layouts, each seeded so that the same view draws the same picture: fcose starts from a pivot-MDS
// placement (deterministic, turned by the view's seed) and refines it without randomising; the
// others take the nodes in id order. Large views use the overview layout in a Web Worker.
import type { Collection, Core, EdgeSingular, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from './layout-names.ts';
import { layoutPositions, type LayoutRequest, type LayoutResponse } from './layout-options.ts';
import { runMapLayout } from './map/map-layout.ts';
import { largeViewEnter } from './scale.ts';

export { isLayoutName, layoutNames, layoutTitles, type LayoutName } from './layout-names.ts';

/** Above this many elements, fcose's 'default' quality instead of 'proof'. */
const mediumView = 400;

export interface LayoutRun {
  name: LayoutName;
  seed: number;
  /** Only place what has no position yet (new nodes), keeping the rest near where they are. */
  incremental: boolean;
  large: boolean;
}

const byId = (a: { id(): string }, b: { id(): string }) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0);

/** The layouts Cytoscape runs itself (the map places nodes its own way: map/map-layout.ts). */
type CytoscapeRun = LayoutRun & { name: Exclude<LayoutName, 'map'> };

function options(cy: Core, run: CytoscapeRun, eles: Collection): LayoutOptions {
  // Animating thousands of nodes costs more than the layout itself.
  const common = { animate: !run.large, animationDuration: 300, fit: true, padding: 40 };
  switch (run.name) {
    case 'fcose': {
      const pinned = cy
        .nodes('.pinned')
        .not('.hidden, .filtered, .bundle')
        .map((node) => ({ nodeId: node.id(), position: { ...(node as NodeSingular).position() } }));
      return {
        name: 'fcose',
        ...common,
        quality: eles.length > mediumView ? 'default' : 'proof',
        // The start is seeded (seedPositions): fcose's own random start would change the picture each time.
        randomize: false,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 110,
        nodeRepulsion: () => 9000,
        edgeElasticity: () => 0.3,
        nodeSeparation: 90,
        ...(pinned.length > 0 ? { fixedNodeConstraint: pinned } : {}),
      } as LayoutOptions;
    }
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 40,
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: () => 2,
      } as LayoutOptions;
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        spacingFactor: 1.2,
        roots: eles.nodes('[_kind = "Country"]').sort(byId),
      } as LayoutOptions;
    case 'dagre':
      return { name: 'dagre', ...common, rankDir: 'TB', nodeSep: 40, rankSep: 90 } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlapPadding: 30, condense: true } as LayoutOptions;
    case 'circle':
      return { name: 'circle', ...common, avoidOverlap: true } as LayoutOptions;
  }
}

/** A small seeded generator (mulberry32): the same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The overview positions of the drawn nodes (in id order), turned by an angle the seed picks. */
function seedPositions(nodes: Collection, edges: Collection, seed: number): Map<string, { x: number; y: number }> {
  const ordered = nodes.sort(byId);
  const index = new Map<string, number>();
  ordered.forEach((node, i) => void index.set(node.id(), i));
  const pairs: number[] = [];
  edges.forEach((edge) => {
    const source = index.get(edge.data('source') as string);
    const target = index.get(edge.data('target') as string);
    if (source !== undefined && target !== undefined) pairs.push(source, target);
  });
  const positions = layoutPositions({ id: 0, nodeCount: ordered.length, edges: Uint32Array.from(pairs), fixed: [] });
  const angle = seededRandom(seed)() * 2 * Math.PI;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const result = new Map<string, { x: number; y: number }>();
  ordered.forEach((node, i) => {
    const x = positions[2 * i]! * 1.6;
    const y = positions[2 * i + 1]! * 1.6;
    result.set(node.id(), { x: x * cos - y * sin, y: x * sin + y * cos });
  });
  return result;
}

let worker: Worker | undefined;
let workerBroken = false;
let nextRequest = 1;
const pending = new Map<number, (response: LayoutResponse) => void>();

/** The layout worker, started on first use; undefined where workers are unavailable. */
function layoutWorker(): Worker | undefined {
  if (worker || workerBroken) return worker;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
    worker.onerror = (event) => {
      // A worker that cannot start (or crashes) answers every open request with an error; the page lays out itself from then on.
      event.preventDefault();
      workerBroken = true;
      worker?.terminate();
      worker = undefined;
      for (const [id, resolve] of pending) resolve({ id, error: event.message || 'layout worker failed' });
      pending.clear();
    };
  } catch {
    workerBroken = true;
  }
  return worker;
}

/**
 * The large-view overview layout (pivot MDS, see pivot-mds.ts) in the layout worker, while this
 * thread computes the elements' styles (which Cytoscape does lazily, on the first look at them, and
 * the first frame needs anyway); then the positions in one batch (a `preset` layout, fitted).
 * Without a worker, the same layout runs here.
 */
async function runLargeOverview(cy: Core): Promise<void> {
  // What is shown, by class rather than `:visible` (which would compute every style before the worker starts).
  const nodes = cy.nodes().not('.hidden, .filtered, .bundle').sort(byId);
  if (nodes.empty()) return;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => void index.set(node.id(), i));
  const pairs: number[] = [];
  cy.edges()
    .not('.hidden, .filtered, .bundle')
    .forEach((edge) => {
      const source = index.get(edge.data('source') as string);
      const target = index.get(edge.data('target') as string);
      if (source !== undefined && target !== undefined) pairs.push(source, target);
    });
  const fixed = nodes
    .filter('.pinned')
    .map((node) => ({ index: index.get(node.id())!, ...(node as NodeSingular).position() }));
  const request: LayoutRequest = { id: nextRequest++, nodeCount: nodes.length, edges: Uint32Array.from(pairs), fixed };
  const target = layoutWorker();
  const answer = target ? new Promise<LayoutResponse>((resolve) => pending.set(request.id, resolve)) : undefined;
  target?.postMessage(request, [request.edges.buffer]);
  // Meanwhile, on this thread: the style pass.
  cy.elements(':visible');
  const response = await answer;
  if (response && 'error' in response) console.warn(`layout worker: ${response.error}; laying out on the page`);
  const positions =
    response && 'positions' in response
      ? response.positions
      : layoutPositions({ ...request, edges: Uint32Array.from(pairs) });
  const laidOut = nodes.filter((node) => !node.removed());
  await new Promise<void>((resolve) => {
    const layout = laidOut.layout({
      name: 'preset',
      animate: false,
      fit: true,
      padding: 40,
      positions: (node: NodeSingular) => {
        const i = index.get(node.id())!;
        return { x: positions[2 * i]!, y: positions[2 * i + 1]! };
      },
    } as LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

/** Lays out the drawn elements; resolves when the layout (and its animation) has stopped. */
export async function runLayout(cy: Core, run: LayoutRun): Promise<void> {
  const { name } = run;
  // The map's data loads on first use (map/atlas-loader.ts), so the first page load does not pay for it.
  if (name === 'map') return runMapLayout(cy, run);
  const large = run.large || cy.elements().not('.hidden, .filtered, .bundle').length > largeViewEnter;
  // A large view's force-directed choice is the overview layout (fcose's draft took seconds at 10k elements).
  if (large && run.name === 'fcose') return runLargeOverview(cy);
  const nodes = cy.nodes().not('.hidden, .filtered, .bundle').sort(byId);
  if (nodes.empty()) return;
  const edges = cy
    .edges()
    .not('.hidden, .filtered, .bundle')
    .filter(
      (edge) => nodes.contains((edge as EdgeSingular).source()) && nodes.contains((edge as EdgeSingular).target()),
    );
  if (run.name === 'fcose' && !run.incremental) {
    const start = seedPositions(nodes, edges, run.seed);
    cy.batch(() => nodes.forEach((node) => void (node.locked() || node.position(start.get(node.id())!))));
  }
  const eles = nodes.union(edges);
  const layout = eles.layout(options(cy, { ...run, name, large }, eles));
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  return done;
}
