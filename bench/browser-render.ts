// Browser benchmark (issue 5): in real headless Chromium, the time to draw and lay out 1k, 10k
// and 50k elements through the client's own code path (bench/browser-page.ts), with and without
// WebGL, and the frame time while panning. Medians of repeated runs; a table on stdout,
// bench/results/browser.json and bench/BROWSER.md.
//   npx tsx bench/browser-render.ts [--quick]      (--quick: 1k and 10k only, few repeats, for CI)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { createServer, type Plugin } from 'vite';
import type { DenseMode, DenseTiming, DrawTiming } from './browser-page.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const quick = process.argv.includes('--quick');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** `--name value` from the command line. */
const flag = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const sizes = flag('sizes')?.split(',').map(Number) ?? (quick ? [1_000, 10_000] : [1_000, 10_000, 50_000]);
// --quick leaves out WebGL (on a software rasteriser its pan alone takes tens of seconds) unless --modes asks for it.
const modeFilter = flag('modes')?.split(',') ?? (quick ? ['canvas'] : undefined);
const repeats = (size: number) => Number(flag('repeats') ?? (quick ? 2 : size >= 50_000 ? 3 : 5));
const panFrames = quick ? 60 : 180;
/** The map layout's row (issue 16): a synthetic view of this many nodes; `--no-map` leaves it out, `--map-only` runs it alone. */
const mapNodes = Number(flag('map-nodes') ?? 2000);
const withMap = !process.argv.includes('--no-map');
const mapOnly = process.argv.includes('--map-only');
const targets: Record<number, number> = { 10_000: 1500, 50_000: 5000 };

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
}

/** Serves the bench page (an HTML shell around bench/browser-page.ts) from Vite's dev server. */
const benchPage: Plugin = {
  name: 'bench-page',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url?.split('?')[0] !== '/bench.html') return next();
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<style>html,body{margin:0;height:100%;overflow:hidden}</style></head>
<body><script type="module" src="/bench/browser-page.ts"></script></body></html>`;
      void server.transformIndexHtml('/bench.html', html).then((out) => {
        res.setHeader('content-type', 'text/html');
        res.end(out);
      }, next);
    });
  },
};

function machine() {
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* reported as unknown */
  }
  const cytoscapeVersion = (
    JSON.parse(readFileSync(join(root, 'node_modules/cytoscape/package.json'), 'utf8')) as { version: string }
  ).version;
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    chromium: chromiumVersion,
    cytoscape: cytoscapeVersion,
    node: process.version,
  };
}

interface Row {
  elements: number;
  mode: 'canvas' | 'webgl' | 'canvas, map';
  runs: number;
  addMs: number;
  layoutMs: number;
  firstFrameMs: number;
  totalMs: number;
  totalP95Ms: number;
  panMedianMs: number;
  panP95Ms: number;
  dragMedianMs: number;
  dragP95Ms: number;
  target?: number;
}

/**
 * A drag with real mouse events (Cytoscape's own pan gesture, where `textureOnViewport` applies),
 * one move per frame at most; the page records frame-to-frame deltas meanwhile.
 */
async function drag(page: Page, moves: number): Promise<number[]> {
  await page.evaluate(() => window.bench.recordStart());
  // Start on empty space near a corner, so the drag pans rather than moving a node.
  const deadline = Date.now() + 20_000;
  let x = 20;
  let y = 20;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < moves && Date.now() < deadline; i++) {
    x += i % 120 < 60 ? 6 : -6;
    y += i % 40 < 20 ? 3 : -3;
    await page.mouse.move(x, y);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  await page.mouse.up();
  return page.evaluate(() => window.bench.recordStop());
}

/** Frame times while panning the view drawn last, then while dragging it with the mouse. */
async function panAndDrag(page: Page): Promise<{ pan: number[]; dragged: number[] }> {
  const pan = await page.evaluate((frames) => window.bench.pan(frames), panFrames);
  const dragged = process.argv.includes('--no-drag') ? [] : await drag(page, panFrames);
  return { pan, dragged };
}

/** A row of the table: the medians of the draws, and the frame times of panning the last one. */
function rowOf(mode: Row['mode'], runs: DrawTiming[], { pan, dragged }: { pan: number[]; dragged: number[] }): Row {
  const pick = (key: keyof Pick<DrawTiming, 'addMs' | 'layoutMs' | 'firstFrameMs' | 'totalMs'>) =>
    median(runs.map((run) => run[key]));
  return {
    elements: runs[0]!.elements,
    mode,
    runs: runs.length,
    addMs: pick('addMs'),
    layoutMs: pick('layoutMs'),
    firstFrameMs: pick('firstFrameMs'),
    totalMs: pick('totalMs'),
    totalP95Ms: quantile(
      runs.map((run) => run.totalMs),
      0.95,
    ),
    panMedianMs: median(pan),
    panP95Ms: quantile(pan, 0.95),
    dragMedianMs: median(dragged),
    dragP95Ms: quantile(dragged, 0.95),
  };
}

async function measure(page: Page, size: number, mode: 'canvas' | 'webgl'): Promise<Row> {
  const runs: DrawTiming[] = [];
  let frames = { pan: [] as number[], dragged: [] as number[] };
  for (let i = 0; i < repeats(size); i++) {
    const timing = await page.evaluate(({ size, webgl }) => window.bench.draw(size, webgl), {
      size,
      webgl: mode === 'webgl' ? 'on' : 'off',
    } as const);
    if ((mode === 'webgl') !== timing.webgl && timing.large)
      throw new Error(`asked for ${mode}, got webgl=${timing.webgl}`);
    runs.push(timing);
    // Pan on the last drawn view (one pan per size and mode: its frames are the repeats).
    if (i === repeats(size) - 1) {
      // What was measured, for a reviewer to look at.
      await page.screenshot({ path: join(root, `bench/results/browser-${size}-${mode}.png`) });
      frames = await panAndDrag(page);
    }
  }
  return { ...rowOf(mode, runs, frames), ...(targets[size] ? { target: targets[size] } : {}) };
}

/** The map layout over a synthetic view of `nodes` nodes, with the outlines drawn under it while panning. */
async function measureMap(page: Page, nodes: number): Promise<Row & { nodes: number; outlineMs: number }> {
  const runs: DrawTiming[] = [];
  let outlineMs = NaN;
  let frames = { pan: [] as number[], dragged: [] as number[] };
  const count = repeats(nodes);
  for (let i = 0; i < count; i++) {
    runs.push(await page.evaluate((n) => window.bench.drawMap(n), nodes));
    if (i === count - 1) {
      await page.screenshot({ path: join(root, `bench/results/browser-map-${nodes}.png`) });
      outlineMs = await page.evaluate(() => window.bench.outlineDrawMs(60));
      frames = await panAndDrag(page);
    }
  }
  return { nodes, outlineMs, ...rowOf('canvas, map', runs, frames) };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/**
 * Chromium's CPU profile of one draw (add + layout + first frame): writes the .cpuprofile (open it
 * in Chromium's DevTools) and prints the functions with the most self time.
 */
async function profile(page: Page, size: number, webgl: 'on' | 'off'): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  const timing = await page.evaluate(({ size, webgl }) => window.bench.draw(size, webgl), { size, webgl });
  const { profile } = (await session.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(root, `bench/results/browser-${size}-${webgl === 'on' ? 'webgl' : 'canvas'}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()?.split('?')[0] ?? ''}:${node.callFrame.lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0));
  }
  console.log(
    `profile of ${size} elements (${webgl === 'on' ? 'webgl' : 'canvas'}): ${JSON.stringify(timing)}; ${file}`,
  );
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** Issue 12's row: a 300-node, 2,000-relationship view with bundling on and off. */
const dense = { nodes: 300, relationships: 2000 };

async function measureDense(page: Page): Promise<DenseTiming[][]> {
  const result: DenseTiming[][] = [];
  for (const mode of ['bundled', 'every relationship', 'as before'] as DenseMode[]) {
    const runs: DenseTiming[] = [];
    for (let i = 0; i < (quick ? 2 : 5); i++)
      runs.push(
        await page.evaluate(({ nodes, relationships, mode }) => window.bench.drawDense(nodes, relationships, mode), {
          ...dense,
          mode,
        }),
      );
    await page.screenshot({ path: join(root, `bench/results/browser-dense-${mode.replace(/ /g, '-')}.png`) });
    result.push(runs);
  }
  return result;
}

function denseTable(rows: DenseTiming[][]): string {
  const lines = [
    '| view | drawn | runs | edges drawn (bundles) | first frame median / p95 (ms) | captions drawn (hidden) | overlapping caption pairs |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const runs of rows) {
    const first = runs[0]!;
    const frames = runs.map((run) => run.firstFrameMs);
    lines.push(
      `| ${first.nodes} nodes, ${first.relationships} relationships | ${first.mode} | ${runs.length} | ${first.drawnEdges} (${first.bundles}) | ${fmt(median(frames))} / ${fmt(quantile(frames, 0.95))} | ${first.captions} (${first.hiddenCaptions}) | ${median(runs.map((run) => run.overlaps))} |`,
    );
  }
  return lines.join('\n');
}

function table(rows: Row[]): string {
  const lines = [
    '| elements | renderer | runs | add (ms) | layout (ms) | first frame (ms) | total median (ms) | total p95 (ms) | target | pan frame median / p95 (ms) | drag frame median / p95 (ms) |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const row of rows) {
    const verdict =
      row.target === undefined
        ? '—'
        : row.totalMs <= row.target
          ? `< ${row.target} ✓`
          : `< ${row.target} ✗ (+${fmt(row.totalMs - row.target)}, ${(row.totalMs / row.target).toFixed(2)}x)`;
    lines.push(
      `| ${row.elements} | ${row.mode} | ${row.runs} | ${fmt(row.addMs)} | ${fmt(row.layoutMs)} | ${fmt(row.firstFrameMs)} | ${fmt(row.totalMs)} | ${fmt(row.totalP95Ms)} | ${verdict} | ${fmt(row.panMedianMs)} / ${fmt(row.panP95Ms)} | ${fmt(row.dragMedianMs)} / ${fmt(row.dragP95Ms)} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [benchPage],
    server: { port: 0, host: '127.0.0.1', hmr: false },
    optimizeDeps: { entries: ['bench/browser-page.ts'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const rows: Row[] = [];
  const mapRows: Row[] = [];
  let denseRows: DenseTiming[][] = [];
  let outlineNote = '';
  let webglRenderer: string | null;
  try {
    // --dpr 2: a high-density screen (most analysts' laptops), where the canvas has four times the pixels.
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: Number(flag('dpr') ?? 1),
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    if (process.env.BENCH_DEBUG) page.on('console', (message) => console.log(`[page] ${message.text()}`));
    await page.goto(`http://127.0.0.1:${port}/bench.html${process.env.BENCH_DEBUG ? '?debug' : ''}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    webglRenderer = await page.evaluate(() => window.bench.webglRenderer());
    // Warm up (module and style parsing, JIT) on a small view in both modes.
    await page.evaluate(() => window.bench.draw(4000, 'off'));
    if (webglRenderer) await page.evaluate(() => window.bench.draw(4000, 'on'));
    const profileSize = flag('profile');
    if (profileSize) await profile(page, Number(profileSize), modeFilter?.[0] === 'webgl' ? 'on' : 'off');
    const denseOnly = process.argv.includes('--dense');
    if (denseOnly || (!profileSize && !mapOnly && !flag('sizes') && !flag('modes'))) {
      denseRows = await measureDense(page);
      console.log(`\n${denseTable(denseRows)}\n`);
    }
    for (const size of profileSize || mapOnly || denseOnly ? [] : sizes) {
      for (const mode of webglRenderer ? (['canvas', 'webgl'] as const) : (['canvas'] as const)) {
        if (modeFilter && !modeFilter.includes(mode)) continue;
        const row = await measure(page, size, mode);
        rows.push(row);
        console.log(
          `${size} ${mode}: total ${fmt(row.totalMs)} ms (add ${fmt(row.addMs)}, layout ${fmt(row.layoutMs)}, frame ${fmt(row.firstFrameMs)}); pan ${fmt(row.panMedianMs)}/${fmt(row.panP95Ms)} ms; drag ${fmt(row.dragMedianMs)}/${fmt(row.dragP95Ms)} ms`,
        );
      }
    }
    if (withMap && !profileSize && !denseOnly) {
      const cold = await page.evaluate(() => window.bench.drawMap(300));
      console.log(`map: atlas chunk loaded and built in ${fmt(cold.atlasMs)} ms (first use)`);
      const row = await measureMap(page, mapNodes);
      mapRows.push(row);
      outlineNote = `The outlines, shaded, cost ${fmt(row.outlineMs)} ms a frame (median of 60 draws at the view's pan and zoom, on a canvas of the page's size).`;
      console.log(outlineNote);
      console.log(
        `map ${row.nodes} nodes (${row.elements} elements): total ${fmt(row.totalMs)} ms (add ${fmt(row.addMs)}, layout ${fmt(row.layoutMs)}, frame ${fmt(row.firstFrameMs)}); pan ${fmt(row.panMedianMs)}/${fmt(row.panP95Ms)} ms; drag ${fmt(row.dragMedianMs)}/${fmt(row.dragP95Ms)} ms`,
      );
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  const info = { ...machine(), webglRenderer };
  const output = table(rows);
  const mapOutput = table(mapRows);
  console.log(`\n${rows.length > 0 ? `${output}\n\n` : ''}${mapRows.length > 0 ? `${mapOutput}\n` : ''}`);
  console.log(
    `machine: ${info.nproc} cores, ${info.cpu}; ${info.chromium}; WebGL: ${info.webglRenderer ?? 'unavailable'}`,
  );
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/browser.json'),
    JSON.stringify({ date: new Date().toISOString(), quick, machine: info, rows, mapRows, dense: denseRows }, null, 2),
  );
  const stamp = `Machine: ${info.nproc} cores (nproc), ${info.cpu}; ${info.chromium}; cytoscape ${info.cytoscape}; ${new Date().toISOString().slice(0, 10)}.`;
  if (!quick && mapRows.length > 0) writeBlock('map', `${mapOutput}\n\n${outlineNote}\n${stamp}`);
  if (!quick && denseRows.length > 0) writeBlock('dense', `${denseTable(denseRows)}\n\n${stamp}`);
  if (!quick && !mapOnly && !process.argv.includes('--dense') && !flag('sizes') && !flag('modes') && !flag('profile'))
    writeBlock(
      'table',
      `${output}\n\nMachine: ${info.nproc} cores (nproc), ${info.cpu}; ${info.chromium}; cytoscape ${info.cytoscape}; WebGL: ${info.webglRenderer ?? 'unavailable'}; ${new Date().toISOString().slice(0, 10)}.`,
    );
  const missed = rows.filter((row) => row.target !== undefined && row.totalMs > row.target && row.mode === 'canvas');
  if (missed.length > 0)
    console.log(
      `targets missed: ${missed.map((row) => `${row.elements} (${row.mode}) ${fmt(row.totalMs)} ms > ${row.target} ms`).join('; ')}`,
    );
}

/** Replaces the block between `<!-- name:begin -->` and `<!-- name:end -->` in bench/BROWSER.md (appends it when absent). */
function writeBlock(name: string, content: string): void {
  const markdown = readFileSync(join(root, 'bench/BROWSER.md'), 'utf8');
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${begin}\n${content}\n${end}`;
  const next = markdown.includes(begin)
    ? markdown.slice(0, markdown.indexOf(begin)) + block + markdown.slice(markdown.indexOf(end) + end.length)
    : `${markdown}\n${block}\n`;
  writeFileSync(join(root, 'bench/BROWSER.md'), next);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
