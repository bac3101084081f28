// Starts the real server (server/main.ts) as a child process on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
}

/** Runs `node --import tsx <script>` in the project root with `env` over the current environment. */
export function runScript(script: string, args: string[], env: Record<string, string>): Omit<ServerProcess, 'url'> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  return { child, output: () => output, exited };
}

/** Starts server/main.ts and waits until it says it is ready. */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const running = runScript('server/main.ts', [], { HOST: '127.0.0.1', PORT: String(port), ...env });
  const deadline = Date.now() + timeoutMs;
  while (!/is ready at/.test(running.output())) {
    if (running.child.exitCode !== null || running.child.signalCode !== null) {
      throw new Error(
        `the server exited (${running.child.exitCode ?? running.child.signalCode}) before it was ready:\n${running.output()}`,
      );
    }
    if (Date.now() > deadline) {
      running.child.kill('SIGKILL');
      throw new Error(`the server was not ready within ${timeoutMs} ms:\n${running.output()}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { ...running, url };
}
