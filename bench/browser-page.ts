// The browser benchmark's page (served by Vite's dev server from bench/browser-render.ts, never
// part of the product build): builds a synthetic graph in the API's element model and draws it
// through the client's own code path (a view state over the loaded graph, its scene, Canvas.sync,
// which picks the large-view styles, then runLayout), timing each step; and a scripted pan with
// requestAnimationFrame deltas.
import type { EdgeElement, Elements, NodeElement } from '../common/api.ts';
import { Canvas } from '../client/src/canvas.ts';
import { GraphCache } from '../client/src/graph/graph-cache.ts';
import { runLayout } from '../client/src/layout.ts';
import type { WebglChoice } from '../client/src/scale.ts';
import { deriveScene } from '../client/src/view/scene.ts';
import { emptyView } from '../client/src/view/view-state.ts';

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const labels = ['Person', 'Organization', 'Country', 'Event', 'Source'];
const types = [
  'MET_WITH',
  'VISITED',
  'TRADES_WITH',
  'SANCTIONS',
  'MADE_STATEMENT',
  'SUPPORTS',
  'HOLDS_OFFICE',
  'COOPERATES_WITH',
];

/**
 * `total` elements: a third nodes, two thirds relationships (mean degree 4), preferential
 * attachment so a few hubs hold many relationships, as analysts' graphs do.
 */
export function syntheticElements(total: number, seed = 7): Elements {
  const rand = random(seed);
  const nodeCount = Math.max(2, Math.round(total / 3));
  const edgeCount = total - nodeCount;
  const nodes: NodeElement[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const label = labels[Math.min(labels.length - 1, Math.floor(-Math.log(1 - rand()) * 1.2))]!;
    nodes.push({ group: 'nodes', data: { id: `n${i}`, label: `${label} ${i}`, labels: ['Entity', label] } });
  }
  // Endpoints drawn from the list of endpoints so far: degree-proportional choice.
  const ends: number[] = [0, 1];
  const edges: EdgeElement[] = [];
  for (let i = 0; i < edgeCount; i++) {
    const source = i < nodeCount - 1 ? i + 1 : Math.floor(rand() * nodeCount);
    let target = rand() < 0.8 ? ends[Math.floor(rand() * ends.length)]! : Math.floor(rand() * nodeCount);
    if (target === source) target = (source + 1) % nodeCount;
    ends.push(source, target);
    const year = 2015 + Math.floor(rand() * 10);
    edges.push({
      group: 'edges',
      data: {
        id: `e${i}`,
        source: `n${source}`,
        target: `n${target}`,
        type: types[Math.floor(rand() * types.length)]!,
        date: `${year}-06-01`,
      },
    });
  }
  return { nodes, edges };
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export interface DrawTiming {
  elements: number;
  webgl: boolean;
  large: boolean;
  addMs: number;
  layoutMs: number;
  firstFrameMs: number;
  totalMs: number;
}

let canvas: Canvas | undefined;
const debug = new URLSearchParams(location.search).has('debug');
let container: HTMLElement | undefined;

/** Draws and lays out `total` elements in a fresh canvas; times the steps. */
async function draw(total: number, webgl: WebglChoice): Promise<DrawTiming> {
  canvas?.cy.destroy();
  container?.remove();
  container = document.createElement('div');
  container.style.cssText = 'position:absolute;inset:0;';
  document.body.append(container);
  canvas = new Canvas(container, { webgl });
  canvas.know(labels, types);
  const elements = syntheticElements(total);
  const graph = new GraphCache();
  graph.merge(elements);
  const state = { ...emptyView, nodes: elements.nodes.map((node) => node.data.id) };
  await frame();
  const t0 = performance.now();
  canvas.sync(deriveScene(state, graph), state);
  const t1 = performance.now();
  await runLayout(canvas.cy, { name: 'fcose', seed: 1, incremental: false, large: canvas.isLarge });
  const t2 = performance.now();
  if (debug) console.log(`add ${(t1 - t0).toFixed(0)} ms, layout ${(t2 - t1).toFixed(0)} ms`);
  // Cytoscape draws on its own animation frame: the second frame after the layout has it on screen.
  await frame();
  await frame();
  const t3 = performance.now();
  if (debug) console.log(`first frame ${(t3 - t2).toFixed(0)} ms`);
  return {
    elements: canvas.cy.elements().length,
    webgl: canvas.usesWebgl,
    large: canvas.isLarge,
    addMs: t1 - t0,
    layoutMs: t2 - t1,
    firstFrameMs: t3 - t2,
    totalMs: t3 - t0,
  };
}

/** Pans the drawn view by a few pixels every frame for `frames` frames; the frame-to-frame deltas. */
async function pan(frames: number): Promise<number[]> {
  const cy = canvas!.cy;
  cy.zoom(cy.zoom() * 2); // in a bit, as an analyst would look at part of a large view
  await frame();
  await frame();
  const deltas: number[] = [];
  let last = await frame();
  const deadline = last + 20_000; // a renderer that takes seconds per frame is measured on fewer frames
  for (let i = 0; i < frames && last < deadline; i++) {
    cy.panBy({ x: i % 120 < 60 ? 6 : -6, y: 3 * Math.sin(i / 10) });
    const now = await frame();
    deltas.push(now - last);
    if (debug && i % 20 === 0) console.log(`pan frame ${i}: ${(now - last).toFixed(0)} ms`);
    last = now;
  }
  return deltas;
}

let recording: number[] | undefined;
let panAtStart = { x: 0, y: 0 };
/** Starts recording frame-to-frame deltas (for a drag driven from outside the page, with real mouse events). */
async function recordStart(): Promise<void> {
  const cy = canvas!.cy;
  // A drag that starts on a node would move it: nodes cannot be grabbed meanwhile, so every drag pans.
  cy.autoungrabify(true);
  panAtStart = { ...cy.pan() };
  const deltas: number[] = [];
  recording = deltas;
  let last = await frame();
  const tick = (now: number) => {
    if (recording !== deltas) return;
    deltas.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
function recordStop(): number[] {
  const deltas = recording ?? [];
  recording = undefined;
  const cy = canvas!.cy;
  cy.autoungrabify(false);
  if (cy.pan().x === panAtStart.x && cy.pan().y === panAtStart.y) throw new Error('the drag did not pan the view');
  return deltas;
}

declare global {
  interface Window {
    bench: {
      draw: typeof draw;
      pan: typeof pan;
      recordStart: typeof recordStart;
      recordStop: typeof recordStop;
      webglRenderer: () => string | null;
    };
  }
}

window.bench = {
  draw,
  pan,
  recordStart,
  recordStop,
  webglRenderer: () => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  },
};
document.body.dataset.ready = 'true';
