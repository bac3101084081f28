// `npm run seed` as a user runs it: twice into the same data folder leaves the same counts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'kg-seed-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function seed(): Promise<string> {
  const { stdout } = await run('npx', ['tsx', 'seed/cli.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
  });
  return stdout;
}

it('seeds an empty store, and a second run changes nothing', async () => {
  const first = await seed();
  expect(first).toMatch(/store before: 0 nodes, 0 relationships/);
  const loaded = first.match(/store after: +(\d+) nodes, (\d+) relationships/);
  expect(loaded).not.toBeNull();
  expect(Number(loaded![1])).toBeGreaterThan(40);
  const second = await seed();
  expect(second).toContain(`store before: ${loaded![1]} nodes, ${loaded![2]} relationships`);
  expect(second).toContain(`store after:  ${loaded![1]} nodes, ${loaded![2]} relationships`);
}, 60_000);
