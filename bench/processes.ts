// Child processes of the benchmark and what /proc says about them: start, stop, memory, CPU.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { HealthResponse } from '../common/api.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));

export interface Child {
  process: ChildProcess;
  url: string;
  /** What the child has printed on stdout and stderr (the last 64 kB). */
  output(): string;
}

const keptOutput = 64 * 1024;

/** The line server/main.ts prints once it serves; its group is the base URL, ending in "/". */
export const serverReady = /is ready at (http:\/\/\S+?\/)/;

/** Starts `script` under tsx; resolves with the URL it prints when `ready` matches its output. */
export function startChild(script: string, env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 600_000): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const record = (data: Buffer) => (output = (output + data.toString()).slice(-keptOutput));
  child.stdout!.on('data', record);
  child.stderr!.on('data', record);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`${script} was not ready after ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = () => {
      const match = output.match(ready);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onEarlyExit);
      resolve({ process: child, url: match[1]!, output: () => output });
    };
    const onEarlyExit = (code: number | null) =>
      fail(new Error(`${script} exited (${code}) before it was ready:\n${output}`));
    child.stdout!.on('data', onData);
    child.once('exit', onEarlyExit);
  });
}

export async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Peak resident memory (VmHWM) of a process, in MB; 0 where /proc is not there. */
export const peakRssMb = (pid: number) => statusField(pid, 'VmHWM');
/** Resident memory now (VmRSS), in MB; 0 where /proc is not there. */
export const rssMb = (pid: number) => statusField(pid, 'VmRSS');

/** Memory the kernel can give without swapping (MemAvailable), in MB; total memory where /proc is not there. */
export function availableMb(): number {
  try {
    const match = readFileSync('/proc/meminfo', 'utf8').match(/MemAvailable:\s+(\d+) kB/);
    if (match) return Math.round(Number(match[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(os.totalmem() / 2 ** 20);
}

/** The command line of a process, its arguments space-separated; empty where /proc is not there. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Bytes under a path: a file's size, or everything in a folder. */
export function diskBytes(path: string): number {
  try {
    const info = statSync(path);
    if (!info.isDirectory()) return info.size;
    return readdirSync(path).reduce((sum, entry) => sum + diskBytes(join(path, entry)), 0);
  } catch {
    return 0;
  }
}

export function childPids(pid: number): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds (user + system, all threads) a process has used; 0 where /proc is not there. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** The 1, 5 and 15 minute load averages, as the report prints them. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/**
 * Samples a process's resident memory and the machine's available memory every second while
 * `work` runs; stops the process (and says so) if available memory falls under `floorMb`, so a
 * big load does not push a shared machine into the OOM killer.
 */
export async function watchMemory<T>(
  pid: () => number | undefined,
  floorMb: number,
  work: Promise<T>,
  onLow: (availableMb: number) => void,
): Promise<{ result: T; peakMb: number; lowestAvailableMb: number }> {
  let peakMb = 0;
  let lowestAvailableMb = availableMb();
  const timer = setInterval(() => {
    const id = pid();
    if (id) peakMb = Math.max(peakMb, rssMb(id));
    const available = availableMb();
    lowestAvailableMb = Math.min(lowestAvailableMb, available);
    if (available < floorMb) onLow(available);
  }, 1000);
  try {
    const result = await work;
    const id = pid();
    if (id) peakMb = Math.max(peakMb, peakRssMb(id));
    return { result, peakMb, lowestAvailableMb };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Waits until the server's ad-hoc Cypher workers have all opened the store: at 10M relationships
 * that takes minutes, and a query sent before then times out waiting for one.
 */
export async function consoleReady(url: string, headers: Record<string, string> = {}, timeoutMs = 15 * 60_000) {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const answer = await fetch(new URL('api/health', url), { headers });
    if (!answer.ok) throw new Error(`/api/health answered ${answer.status}`);
    const health = (await answer.json()) as HealthResponse;
    const workers = health.console?.workers;
    if (!workers || (workers.ready > 0 && workers.starting === 0)) return;
    if (performance.now() > until) throw new Error(`the Cypher workers were not ready after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
