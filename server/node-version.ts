// The supported Node.js versions are package.json's `engines.node` (one place; `.nvmrc` names the
// current LTS). The server and the seed CLI refuse to start on anything older.
import { readFileSync } from 'node:fs';

type Version = [number, number, number];

function parseVersion(text: string): Version {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a Node.js version: "${text}"`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function atLeast(found: Version, needed: Version): boolean {
  for (let part = 0; part < 3; part++) if (found[part] !== needed[part]) return found[part]! > needed[part]!;
  return true;
}

/** Why `found` does not satisfy `range` (a ">=x.y.z" range, as package.json states it), or undefined if it does. */
export function unsupportedNode(found: string, range: string): string | undefined {
  const minimum = /^>=\s*(\S+)$/.exec(range.trim());
  if (!minimum) throw new Error(`engines.node must be a ">=x.y.z" range, not "${range}"`);
  if (atLeast(parseVersion(found), parseVersion(minimum[1]!))) return undefined;
  return `kg-explorer needs Node.js ${range.trim()}; this is Node.js ${found.replace(/^v?/, 'v')}. Install the current LTS (see .nvmrc).`;
}

export function engineRange(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string };
  };
  return manifest.engines.node;
}

/** Stops the process with a message naming the version found and the one needed. */
export function exitUnlessSupportedNode(): void {
  const problem = unsupportedNode(process.versions.node, engineRange());
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}
