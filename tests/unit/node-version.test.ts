import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineRange, unsupportedNode } from '../../server/node-version.ts';

describe('unsupportedNode', () => {
  it.each([
    ['24.11.1', '>=24.11.1'],
    ['24.12.0', '>=24.11.1'],
    ['26.0.0', '>=24.11.1'],
    ['v25.1.0', '>=24.11.1'],
  ])('when Node %s meets %s, says nothing', (found, range) => {
    expect(unsupportedNode(found, range)).toBeUndefined();
  });

  it.each([
    ['24.11.0', '>=24.11.1'],
    ['22.23.3', '>=24.11.1'],
    ['20.20.2', '>=24.11.1'],
  ])('when Node %s is older than %s, names both versions', (found, range) => {
    expect(unsupportedNode(found, range)).toBe(
      `kg-explorer needs Node.js ${range}; this is Node.js v${found}. Install the current LTS (see .nvmrc).`,
    );
  });

  it('when the range is not a ">=" range, throws rather than guessing', () => {
    expect(() => unsupportedNode('24.0.0', '^24 || ^26')).toThrow(/must be a ">=x.y.z" range/);
  });

  it('when read from package.json, the LTS that .nvmrc names satisfies it', () => {
    const lts = readFileSync(new URL('../../.nvmrc', import.meta.url), 'utf8').trim();
    expect(unsupportedNode(`${lts}.0.0`, engineRange())).toBeUndefined();
  });

  it('when CI runs the tests, it runs them on the oldest supported version and on the LTS that .nvmrc names', () => {
    const ciScript = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    const pinned = (name: string) => new RegExp(`^${name}=(\\S+)`, 'm').exec(ciScript)?.[1];
    const lts = readFileSync(new URL('../../.nvmrc', import.meta.url), 'utf8').trim();
    expect(`>=${pinned('NODE_OLDEST')}`).toBe(engineRange());
    expect(pinned('NODE_LTS')?.split('.')[0]).toBe(lts);
  });
});
