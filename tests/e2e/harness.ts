// The browser tests' harness: builds the client, starts the real server on a fresh embedded
// store (seeded on start) with a free port, and launches Debian's headless Chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { freePort } from '../support/server-process.ts';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const outputDir = join(root, 'test-output');
export const screenshotDir = join(outputDir, 'screenshots');
/**
 * This test file's own download folder. Browser-test files run in parallel, so a shared folder
 * emptied by one file's setup lost another's download between saving and reading it.
 * (Download.saveAs creates the folder.)
 */
export const downloadDir = join(tmpdir(), `kg-e2e-downloads-${randomUUID()}`);
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (!existsSync(chromiumPath)) {
    return `no Chromium at ${chromiumPath} (install Debian's: apt-get install -y chromium, or set CHROMIUM_PATH)`;
  }
  return null;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * Builds the client into dist/client (what the server serves) unless that build is newer than
 * every file of client/ and vite.config.ts: a rebuild empties the folder, so skipping it when
 * nothing changed keeps a concurrent run from seeing it half-written. E2E_BUILD=always forces it.
 */
export function buildClient(): void {
  const index = join(root, 'dist/client/index.html');
  const sources = Math.max(newestMtime(join(root, 'client')), newestMtime(join(root, 'vite.config.ts')));
  if (process.env.E2E_BUILD !== 'always' && existsSync(index) && statSync(index).mtimeMs > sources) return;
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

export interface Running {
  url: string;
  apiUrl: string;
  logs: () => string;
  stop: () => Promise<void>;
}

function startProcess(command: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; logs: () => string } {
  let output = '';
  const merged: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) merged[key] = value;
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, logs: () => output };
}

async function waitFor(
  url: string,
  child: ChildProcess,
  logs: () => string,
  timeoutMs = 90_000,
  headers: Record<string, string> = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`process exited with ${child.exitCode} before ${url} answered:\n${logs()}`);
    try {
      const response = await fetch(url, { headers });
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${logs()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}

export interface ExplorerOptions {
  /** Require `Authorization: Bearer <apiToken>` on every /api call (the server's API_TOKEN). */
  apiToken?: string;
  /** Fills the data folder before the server starts (the server then seeds what is missing). */
  prepare?: (dataDir: string) => Promise<void>;
}

/** Starts the server (`tsx server/main.ts`) on a temporary data folder; it seeds the empty store. */
export async function startExplorer(options: ExplorerOptions = {}): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-e2e-'));
  await options.prepare?.(dataDir);
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const server = startProcess([process.execPath, join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_ON_START: 'true',
    ALLOW_WRITES: 'false',
    // Always the embedded store, whatever the environment says.
    NEO4J_URI: undefined,
    API_TOKEN: options.apiToken,
  });
  const stop = async () => {
    await stopProcess(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      `${apiUrl}/api/health`,
      server.child,
      server.logs,
      90_000,
      options.apiToken ? { authorization: `Bearer ${options.apiToken}` } : {},
    );
    // The page comes from the Express server itself (dist/client), as in production.
    const page = await fetch(`${apiUrl}/`);
    const html = page.ok ? await page.text() : '';
    if (!html.includes('id="cy"'))
      throw new Error(`the server does not serve the built client at / (HTTP ${page.status})`);
    return { url: `${apiUrl}/`, apiUrl, logs: server.logs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export function prepareOutput(): void {
  mkdirSync(screenshotDir, { recursive: true });
}

/** Removes this file's downloads once its tests are done. */
export function removeDownloads(): void {
  rmSync(downloadDir, { recursive: true, force: true });
}
