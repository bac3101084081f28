// libxml2's xmllint (Debian libxml2-utils, installed by .ci/run): a second opinion, from a tool
// nobody here wrote, that an exported file is well-formed XML.
import { spawnSync } from 'node:child_process';

const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });

/** Why xmllint cannot run here, or undefined when it can. */
export const xmllintMissing: string | undefined =
  probe.error || probe.status !== 0
    ? `xmllint is not installed (apt-get install libxml2-utils): ${probe.error?.message ?? probe.stderr}`
    : undefined;

/** xmllint --noout on the text: its complaints, empty when the document is well-formed. */
export function xmllint(text: string | Buffer): string {
  const run = spawnSync('xmllint', ['--noout', '-'], { input: text, encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr || `xmllint exited with ${run.status}`;
}
