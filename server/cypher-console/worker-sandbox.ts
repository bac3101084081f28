// Defence in depth beside the guard: the processes that run ad-hoc Cypher on the embedded store
// (worker.ts) start inside bubblewrap (bwrap), so that a query the guard missed still cannot read
// a file. Each sees a mount namespace holding only what it needs to start, read-only: the node
// binary, the system libraries, the project's server/, common/, cypher/ and node_modules/, a
// package.json that says only that the code is ES modules, the store's folder and the import
// folder; /tmp is empty and private. There is no /etc (but the time zone), no /proc, no /dev, no
// network, a pid namespace of its own, a minimal environment, and it dies with the server.
// bwrap keeps the IPC channel fork() opens: it passes inherited descriptors through.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SandboxMode = 'required' | 'auto' | 'off';

/** Whether workers run sandboxed, and why not when they do not (for /api/health). */
export interface SandboxStatus {
  state: 'on' | 'off';
  reason?: string;
}

/** How fork() starts a worker: the program, and the arguments before the worker's script. */
export interface Launch {
  execPath: string;
  execArgv: string[];
  env: NodeJS.ProcessEnv;
}

export interface WorkerSandbox {
  status: SandboxStatus;
  /** How to start a worker given node's own arguments (`--import tsx`, ...). */
  launch(nodeArgs: string[]): Launch;
}

export interface SandboxOptions {
  mode: SandboxMode;
  /** The embedded store's database file: its folder is visible, read-only. */
  databasePath: string;
  /** The LOAD CSV import folder, visible read-only when set. */
  importDir?: string;
}

const root = realpathSync(fileURLToPath(new URL('../../', import.meta.url)));
const projectDirs = ['server', 'common', 'cypher', 'node_modules'];
const moduleMarker = fileURLToPath(new URL('./worker-package.json', import.meta.url));
const systemLibraries = ['/usr/lib', '/usr/lib64', '/usr/lib32', '/lib', '/lib64', '/lib32'];
/** Not secret, and what the dynamic loader and the clock read. */
const systemFiles = ['/etc/ld.so.cache', '/etc/localtime'];
/** Variables a worker keeps: none of the server's configuration or secrets. */
const keptVariables = ['TZ', 'LANG', 'LC_ALL'] as const;

/** A path read-only at the same place, and at its real place when a symlink leads there. */
function readOnly(path: string): string[] {
  const real = realpathSync(path);
  return real === path ? ['--ro-bind', path, path] : ['--ro-bind', real, real, '--ro-bind', real, path];
}

function systemMounts(): string[] {
  const args: string[] = [];
  for (const path of systemLibraries) {
    if (!existsSync(path)) continue;
    const entry = lstatSync(path);
    if (entry.isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
    else if (entry.isDirectory()) args.push('--ro-bind', path, path);
  }
  for (const path of systemFiles) if (existsSync(path)) args.push('--ro-bind', path, path);
  return args;
}

/** tsx's cache of compiled TypeScript, which the server's own start fills: read-only, so that a
 *  worker starts as fast as an unsandboxed one and cannot change what another process runs. */
function transformCache(): string[] {
  const name = `tsx-${process.getuid?.() ?? 0}`;
  const cache = join(tmpdir(), name);
  return existsSync(cache) ? ['--ro-bind', cache, join('/tmp', name)] : [];
}

/** bwrap's arguments for a worker; the command follows them. */
export function sandboxArguments({ databasePath, importDir }: Omit<SandboxOptions, 'mode'>): string[] {
  return [
    '--unshare-all',
    '--die-with-parent',
    '--new-session',
    ...systemMounts(),
    ...readOnly(process.execPath),
    ...projectDirs.flatMap((dir) => readOnly(join(root, dir))),
    '--ro-bind',
    moduleMarker,
    join(root, 'package.json'),
    '--tmpfs',
    '/tmp',
    ...transformCache(),
    ...readOnly(dirname(realpathSync(databasePath))),
    ...(importDir ? readOnly(importDir) : []),
    '--chdir',
    root,
  ];
}

/** The bwrap program on PATH, if any. */
function findBwrap(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'bwrap');
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const minimalEnvironment = (): NodeJS.ProcessEnv =>
  Object.fromEntries(keptVariables.filter((name) => process.env[name]).map((name) => [name, process.env[name]]));

/** Why workers cannot be sandboxed here, or undefined when they can (node starts inside bwrap). */
function unavailable(bwrap: string | undefined, args: string[]): string | undefined {
  if (!bwrap) return 'bwrap (bubblewrap) is not installed';
  const probe = spawnSync(bwrap, [...args, '--', process.execPath, '--version'], {
    env: minimalEnvironment(),
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (probe.status === 0) return undefined;
  const why = (probe.stderr || probe.error?.message || `exit code ${probe.status}`).trim().split('\n')[0];
  return `bwrap cannot create the sandbox here (${why})`;
}

/**
 * The sandbox workers start in. `required` throws when it cannot be set up; `auto` runs them
 * unsandboxed then (the status says why); `off` never sandboxes.
 */
export function workerSandbox(options: SandboxOptions): WorkerSandbox {
  const plain: Omit<WorkerSandbox, 'status'> = {
    launch: (nodeArgs) => ({ execPath: process.execPath, execArgv: nodeArgs, env: process.env }),
  };
  if (options.mode === 'off') return { ...plain, status: { state: 'off', reason: 'CYPHER_SANDBOX is off' } };
  const bwrap = findBwrap();
  const args = bwrap ? sandboxArguments(options) : [];
  const reason = unavailable(bwrap, args);
  if (reason && options.mode === 'required') {
    throw new Error(`CYPHER_SANDBOX is required, but ${reason}: install bubblewrap or set CYPHER_SANDBOX=auto`);
  }
  if (reason) return { ...plain, status: { state: 'off', reason } };
  return {
    status: { state: 'on' },
    launch: (nodeArgs) => ({
      execPath: bwrap!,
      execArgv: [...args, '--', process.execPath, ...nodeArgs],
      env: minimalEnvironment(),
    }),
  };
}
