// The browser benchmark's page (served by Vite's dev server from bench/browser-render.ts, never
// part of the product build): builds a synthetic graph in the API's element model and draws it
// through the client's own code path (a view state over the loaded graph, its scene, Canvas.sync,
// which picks the large-view styles, then runLayout), timing each step; and a scripted pan with
// requestAnimationFrame deltas.
import type { EdgeElement, Elements, NodeElement } from '../common/api.ts';
import { Canvas } from '../client/src/canvas.ts';
import { declutterCaptions, drawnCaptions } from '../client/src/overlap/caption-boxes.ts';
import { overlappingPairs } from '../client/src/overlap/declutter.ts';
import { separateDrawn } from '../client/src/overlap/separate-drawn.ts';
import { GraphCache } from '../client/src/graph/graph-cache.ts';
import { runLayout } from '../client/src/layout.ts';
import { loadAtlas } from '../client/src/map/atlas-loader.ts';
import { drawMap as drawOutlines } from '../client/src/map/map-draw.ts';
import type { MapLook } from '../client/src/map/map-look.ts';
import { mapLookOf } from '../client/src/map/map-look-of.ts';
import { MapUnderlay } from '../client/src/map/map-underlay.ts';
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

/**
 * A dense view: `nodeCount` nodes and `edgeCount` relationships, with parallel relationships as
 * the seeded data has them (a third repeat an earlier pair, either way, with another type or date;
 * the rest attach preferentially, so hubs hold many).
 */
export function denseElements(nodeCount: number, edgeCount: number, seed = 11): Elements {
  const rand = random(seed);
  const nodes: NodeElement[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const label = labels[Math.min(labels.length - 1, Math.floor(-Math.log(1 - rand()) * 1.2))]!;
    nodes.push({ group: 'nodes', data: { id: `n${i}`, label: `${label} ${i}`, labels: ['Entity', label] } });
  }
  const ends: number[] = [0, 1];
  const edges: EdgeElement[] = [];
  for (let i = 0; i < edgeCount; i++) {
    let source: number;
    let target: number;
    const earlier = edges.length > 0 && rand() < 0.35 ? edges[Math.floor(rand() * edges.length)]! : undefined;
    if (earlier) {
      [source, target] = [Number(earlier.data.source.slice(1)), Number(earlier.data.target.slice(1))];
      if (rand() < 0.3) [source, target] = [target, source];
    } else {
      source = i < nodeCount - 1 ? i + 1 : Math.floor(rand() * nodeCount);
      target = rand() < 0.8 ? ends[Math.floor(rand() * ends.length)]! : Math.floor(rand() * nodeCount);
      if (target === source) target = (source + 1) % nodeCount;
    }
    ends.push(source, target);
    const year = 2015 + Math.floor(rand() * 10);
    const month = 1 + Math.floor(rand() * 12);
    edges.push({
      group: 'edges',
      data: {
        id: `e${i}`,
        source: `n${source}`,
        target: `n${target}`,
        type: types[Math.floor(rand() * 3)]!,
        date: `${year}-${String(month).padStart(2, '0')}-01`,
        datePrecision: 'month',
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

/**
 * A synthetic view for the map layout: every country of the atlas, and people, organisations and
 * events tied to them as the placement rules read ties (offices, seats and other ties, an event's
 * place), with some that have no place; the rest of the relationships between random ends,
 * visits going to countries. About two relationships per node.
 */
export function syntheticMapElements(nodeCount: number, countries: readonly string[], seed = 11): Elements {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // A few countries hold most of the ties, as in the data this explorer is for.
  const busy = (): string => `country:${countries[Math.floor(Math.pow(rand(), 3) * countries.length)]!}`;
  const nodes: NodeElement[] = countries.map((iso3) => ({
    group: 'nodes',
    data: { id: `country:${iso3}`, label: iso3, labels: ['Entity', 'Country'], iso3 },
  }));
  const edges: EdgeElement[] = [];
  const relate = (source: string, target: string, type: string) =>
    edges.push({
      group: 'edges',
      data: { id: `e${edges.length}`, source, target, type, date: `${2015 + Math.floor(rand() * 10)}-06-01` },
    });
  for (let i = nodes.length; i < nodeCount; i++) {
    const roll = rand();
    const id = `n${i}`;
    if (roll < 0.5) {
      nodes.push({ group: 'nodes', data: { id, label: `Person ${i}`, labels: ['Entity', 'Person'] } });
      if (rand() < 0.9) relate(id, busy(), 'HOLDS_OFFICE');
      relate(id, busy(), 'VISITED');
    } else if (roll < 0.8) {
      const seat: Record<string, string> = rand() < 0.4 ? { seat: busy() } : {};
      nodes.push({
        group: 'nodes',
        data: { id, label: `Organization ${i}`, labels: ['Entity', 'Organization'], ...seat },
      });
      if (rand() < 0.9) relate(id, busy(), pick(['SANCTIONS', 'SUPPORTS', 'MADE_STATEMENT']));
    } else {
      const place: Record<string, string> = rand() < 0.8 ? { country: busy() } : {};
      nodes.push({
        group: 'nodes',
        data: { id, label: `Event ${i}`, labels: ['Entity', 'Event'], date: '2024-01-01', ...place },
      });
      relate(busy(), id, 'PARTICIPATED_IN');
    }
  }
  while (edges.length < nodeCount * 2) {
    const source = pick(nodes).data.id;
    const target = pick(nodes).data.id;
    if (source !== target) relate(source, target, pick(types));
  }
  return { nodes, edges };
}

let underlay: MapUnderlay | undefined;
let mapLook: MapLook | undefined;

/** What the outlines cost a frame: the median of `times` draws of the map (shaded) at the view's pan and zoom, on a canvas of the page's size. */
async function outlineDrawMs(times: number): Promise<number> {
  const atlas = await loadAtlas();
  const cy = canvas!.cy;
  const target = document.createElement('canvas');
  target.width = window.innerWidth;
  target.height = window.innerHeight;
  const ctx = target.getContext('2d')!;
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, target.width, target.height);
    ctx.setTransform(cy.zoom(), 0, 0, cy.zoom(), cy.pan().x + (i % 7), cy.pan().y);
    drawOutlines(ctx, atlas, mapLook!, cy.zoom());
    ctx.getImageData(0, 0, 1, 1); // waits for the drawing to finish
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/** Draws `nodeCount` nodes in the map layout with the outlines under them, shaded; times the steps as `draw` does. */
async function drawMap(nodeCount: number): Promise<DrawTiming & { atlasMs: number }> {
  const t = performance.now();
  const atlas = await loadAtlas(); // the first call fetches and builds it; later ones return it at once
  const atlasMs = performance.now() - t;
  canvas?.cy.destroy();
  container?.remove();
  container = document.createElement('div');
  container.style.cssText = 'position:absolute;inset:0;';
  document.body.append(container);
  canvas = new Canvas(container, { webgl: 'off' });
  canvas.know(labels, types);
  underlay = new MapUnderlay(canvas.cy);
  const elements = syntheticMapElements(nodeCount, [...atlas.points.keys()].sort());
  const graph = new GraphCache();
  graph.merge(elements);
  const state = {
    ...emptyView,
    nodes: elements.nodes.map((node) => node.data.id),
    layout: { name: 'map' as const, seed: 1 },
  };
  await frame();
  const t0 = performance.now();
  const scene = deriveScene(state, graph);
  canvas.sync(scene, state);
  mapLook = mapLookOf(scene, state.mapShading, atlas).look;
  underlay.show(atlas, mapLook);
  const t1 = performance.now();
  await runLayout(canvas.cy, { name: 'map', seed: 1, incremental: false, large: canvas.isLarge });
  const t2 = performance.now();
  await frame();
  await frame();
  const t3 = performance.now();
  return {
    elements: canvas.cy.elements().length,
    webgl: canvas.usesWebgl,
    large: canvas.isLarge,
    addMs: t1 - t0,
    layoutMs: t2 - t1,
    firstFrameMs: t3 - t2,
    totalMs: t3 - t0,
    atlasMs,
  };
}

export interface DenseTiming {
  mode: DenseMode;
  nodes: number;
  relationships: number;
  bundles: number;
  /** Edges drawn: single relationships plus bundles. */
  drawnEdges: number;
  firstFrameMs: number;
  /** Captions drawn (nodes' and edges'), those hidden as overlapping, and pairs of drawn ones that overlap (model coordinates). */
  captions: number;
  hiddenCaptions: number;
  overlaps: number;
}

/**
 * Draws a dense view as the explorer does (sync, fcose, overlap removal, fit, then hiding the
 * relationship captions that would overlap) with bundling on or off, or as the page drew before
 * issue 12 (every relationship and caption, no overlap removal); the time to the first frame and
 * how many drawn captions overlap.
 */
export type DenseMode = 'bundled' | 'every relationship' | 'as before';

async function drawDense(nodeCount: number, edgeCount: number, mode: DenseMode): Promise<DenseTiming> {
  const bundling = mode === 'bundled';
  const tidy = mode !== 'as before';
  canvas?.cy.destroy();
  container?.remove();
  container = document.createElement('div');
  container.style.cssText = 'position:absolute;inset:0;';
  document.body.append(container);
  canvas = new Canvas(container);
  canvas.know(labels, types);
  const elements = denseElements(nodeCount, edgeCount);
  const graph = new GraphCache();
  graph.merge(elements);
  const state = {
    ...emptyView,
    nodes: elements.nodes.map((node) => node.data.id),
    bundling: { on: bundling, unfolded: [] },
  };
  await frame();
  const t0 = performance.now();
  canvas.sync(deriveScene(state, graph), state);
  const tSync = performance.now();
  await runLayout(canvas.cy, { name: 'fcose', seed: 1, incremental: false, large: canvas.isLarge });
  const tLayout = performance.now();
  if (tidy && !canvas.isLarge) separateDrawn(canvas.cy);
  canvas.fit();
  const hidden = tidy && !canvas.isLarge ? declutterCaptions(canvas.cy) : 0;
  if (debug)
    console.log(
      `dense ${mode}: sync ${(tSync - t0).toFixed(0)} ms, layout ${(tLayout - tSync).toFixed(0)} ms, overlap removal ${(performance.now() - tLayout).toFixed(0)} ms`,
    );
  await frame();
  await frame();
  const t1 = performance.now();
  const captions = drawnCaptions(canvas.cy).filter(
    (caption) => !canvas!.cy.getElementById(caption.id).hasClass('caption-hidden'),
  );
  return {
    mode,
    nodes: nodeCount,
    relationships: edgeCount,
    bundles: canvas.bundles.bundles.length,
    drawnEdges: canvas.cy.edges().not('.folded').length,
    firstFrameMs: t1 - t0,
    captions: captions.length,
    hiddenCaptions: hidden,
    overlaps: overlappingPairs(captions),
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
      drawDense: typeof drawDense;
      drawMap: typeof drawMap;
      outlineDrawMs: typeof outlineDrawMs;
      pan: typeof pan;
      recordStart: typeof recordStart;
      recordStop: typeof recordStop;
      webglRenderer: () => string | null;
    };
  }
}

window.bench = {
  draw,
  drawDense,
  drawMap,
  outlineDrawMs,
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
