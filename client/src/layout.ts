// Layouts: fcose (force-directed, the default) and the alternatives, each tuned for this graph.
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import { largeViewEnter } from './scale.ts';
import { layoutPositions, type LayoutRequest, type LayoutResponse } from './layout-options.ts';

export const layoutNames = ['fcose', 'concentric', 'breadthfirst', 'dagre', 'grid', 'circle'] as const;
export type LayoutName = (typeof layoutNames)[number];

export const layoutTitles: Record<LayoutName, string> = {
  fcose: 'Force-directed (fcose)',
  concentric: 'Concentric (by degree)',
  breadthfirst: 'Breadth-first tree',
  dagre: 'Hierarchy (dagre)',
  grid: 'Grid',
  circle: 'Circle',
};

export function isLayoutName(value: string | null | undefined): value is LayoutName {
  return typeof value === 'string' && (layoutNames as readonly string[]).includes(value);
}

/** Above this many elements, fcose's 'default' quality instead of 'proof'. */
const mediumView = 400;

function options(cy: Core, name: LayoutName, incremental: boolean, large: boolean): LayoutOptions {
  // Animating thousands of nodes costs more than the layout itself.
  const common = { animate: !large, animationDuration: 350, fit: true, padding: 40 };
  switch (name) {
    case 'fcose': {
      const pinned = cy
        .nodes('.pinned:visible')
        .map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
      return {
        name: 'fcose',
        ...common,
        // 'proof' polishes small views; past a few hundred elements it costs seconds for little gain.
        quality: cy.elements(':visible').length > mediumView ? 'default' : 'proof',
        randomize: !incremental,
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
        roots: cy.nodes('[_kind = "Country"]:visible'),
      } as LayoutOptions;
    case 'dagre':
      return { name: 'dagre', ...common, rankDir: 'TB', nodeSep: 40, rankSep: 90 } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlapPadding: 30, condense: true } as LayoutOptions;
    case 'circle':
      return { name: 'circle', ...common, avoidOverlap: true } as LayoutOptions;
  }
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
  const nodes = cy.nodes().not('.hidden, .filtered');
  if (nodes.empty()) return;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => void index.set(node.id(), i));
  const pairs: number[] = [];
  cy.edges()
    .not('.hidden, .filtered')
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

/** Lays out the visible elements; resolves when the layout (and its animation) has stopped. */
export async function runLayout(cy: Core, name: LayoutName, incremental = false, large?: boolean): Promise<void> {
  large ??= cy.elements().not('.hidden, .filtered').length > largeViewEnter;
  // A large view's force-directed choice is the overview layout (fcose's draft took seconds at 10k elements).
  if (large && name === 'fcose') return runLargeOverview(cy);
  const eles = cy.elements(':visible');
  if (eles.nodes().length === 0) return;
  const layout = eles.layout(options(cy, name, incremental, large));
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  return done;
}
