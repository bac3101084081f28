// `npm run seed` as a user runs it: twice into the same data folder leaves the same counts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from '../support/fixtures.ts';

const run = promisify(execFile);

async function seed(dataDir: string): Promise<string> {
  const { stdout } = await run('npx', ['tsx', 'seed/cli.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
  });
  return stdout;
}

const countsAfter = (output: string) => output.match(/store after: +(\d+) nodes, (\d+) relationships/);

it('when run on an empty data folder, it reports an empty store before and the loaded data after', async ({
  tempDir,
}) => {
  const first = await seed(tempDir('kg-seed-'));
  expect(first).toMatch(/store before: 0 nodes, 0 relationships/);
  const loaded = countsAfter(first);
  expect(loaded).not.toBeNull();
  expect(Number(loaded![1])).toBeGreaterThan(40);
}, 60_000);

it('when run a second time, the store before and after holds what the first run left', async ({ tempDir }) => {
  const dataDir = tempDir('kg-seed-');
  const loaded = countsAfter(await seed(dataDir))!;
  const second = await seed(dataDir);
  expect(second).toContain(`store before: ${loaded[1]} nodes, ${loaded[2]} relationships`);
  expect(second).toContain(`store after:  ${loaded[1]} nodes, ${loaded[2]} relationships`);
}, 90_000);
