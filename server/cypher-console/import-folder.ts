// Where LOAD CSV may read when writes are enabled, as Neo4j's server.directories.import does: a
// FROM names a file relative to one folder (`file:///people.csv` or `people.csv`), never a URL of
// another scheme, an absolute path or a `..`. On the embedded store the name must resolve (every
// symbolic link followed) to a regular file inside the folder, so not to /proc, a device, a socket
// or a FIFO, and the query is rewritten to that resolved path, which is how the engine reads it. On
// Neo4j the relative file URL is passed as written: Neo4j resolves it in its own import folder.
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { FileSource } from './load-csv-sources.ts';
import { QueryError } from './types.ts';

export interface ImportRule {
  /** The query with every LOAD CSV source confined to the folder, or a QueryError saying why not. */
  confine(query: string, sources: FileSource[]): Promise<string>;
}

const example = "FROM 'file:///people.csv'";

/** The name relative to the import folder, or why the URL does not name one. */
function relativeName(url: string): { name: string } | { why: string } {
  const name = url.startsWith('file:///') ? url.slice('file:///'.length) : url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(name)) return { why: 'is a URL: only files in the import folder can be read' };
  if (name.startsWith('/')) return { why: 'is an absolute path: name the file relative to the import folder' };
  if (name === '' || name.split('/').some((part) => part === '..' || part === '')) {
    return { why: 'must name a file inside the import folder, with no ".." and no empty part' };
  }
  if (/[%\\]|\p{Cc}/u.test(name))
    return { why: 'holds "%", a backslash or a control character: write the name plainly' };
  return { name };
}

const refuse = (url: string, why: string, folder: string) =>
  new QueryError(`LOAD CSV reads only files in the import folder (${folder}, ${example}): "${url}" ${why}`);

/** Replaces each source's literal with the given text, from the last one so offsets hold. */
function rewrite(query: string, sources: FileSource[], literals: string[]): string {
  let text = query;
  for (let index = sources.length - 1; index >= 0; index -= 1) {
    const { start, end } = sources[index]!;
    text = text.slice(0, start) + literals[index] + text.slice(end);
  }
  return text;
}

/** LOAD CSV confined to `dir` on the embedded store. */
export function importFolder(dir: string): ImportRule {
  const folder = realpath(dir);
  folder.catch(() => {});
  return {
    async confine(query, sources) {
      const root = await folder.catch(() => {
        throw new QueryError(`LOAD CSV cannot read: the import folder (IMPORT_DIR, ${dir}) does not exist`);
      });
      const literals: string[] = [];
      for (const { url } of sources) {
        const relative = relativeName(url);
        if ('why' in relative) throw refuse(url, relative.why, root);
        const real = await realpath(join(root, relative.name)).catch(() => {
          throw refuse(url, 'is not a file in it', root);
        });
        if (!real.startsWith(root + sep)) throw refuse(url, 'leads outside it (a symbolic link)', root);
        if (!(await stat(real)).isFile()) throw refuse(url, 'is not a regular file', root);
        if (/['\\\n\r]/.test(real)) throw refuse(url, 'resolves to a path with a quote or a backslash', root);
        literals.push(`'${real}'`);
      }
      return rewrite(query, sources, literals);
    },
  };
}

/** LOAD CSV on Neo4j: relative file URLs only, which Neo4j resolves in its own import folder. */
export const neo4jImports: ImportRule = {
  async confine(query, sources) {
    for (const { url } of sources) {
      const relative = relativeName(url);
      if ('why' in relative) throw refuse(url, relative.why, "Neo4j's server.directories.import");
      if (!url.startsWith('file:///')) throw refuse(url, 'is not a file:/// URL', "Neo4j's server.directories.import");
    }
    return query;
  },
};

/** LOAD CSV with no import folder configured: refused. */
export const noImports: ImportRule = {
  async confine() {
    throw new QueryError('LOAD CSV is off on this server: set IMPORT_DIR to the one folder it may read files from');
  },
};
