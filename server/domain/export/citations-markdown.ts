// Citations (Markdown, readable as plain text): per relationship, oldest first, its date at its
// precision, its ends and type, its summary, the quote, and the source it is quoted from (title,
// publisher, date), ready to paste into a report. Every text from the graph is written as text
// (markdown-text.ts): a quote renders as the words stored, every line of it inside its blockquote,
// and a name or a summary cannot become a link, an image or HTML. A source's address is linked only
// when it is http(s).
import { formatDate } from '../../../common/dates/format-date.ts';
import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import { caption } from '../elements.ts';
import { httpAddress, markdownQuote, markdownText } from './markdown-text.ts';
import type { Chunk } from './chunks.ts';
import { fileText } from './chunks.ts';
import type { ExportFormatWriter, ExportGraph } from './types.ts';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;

/** ` <address>` for an http(s) address, a note for any other, nothing for none. */
function addressText(url: unknown): string {
  const given = text(url);
  if (given === undefined) return '';
  const address = httpAddress(given);
  return address ? ` <${address}>` : ' (its address is left out: not an http or https link)';
}

/** "Publisher, “Title”, 21 Aug 2024" (and the address, when the source has one). */
export function sourceLine(id: string, source: GraphNode | undefined): string {
  if (!source) return `${markdownText(id)} (not in the graph)`;
  const { publisher, title, published, url } = source.properties;
  const parts = [text(publisher), `“${text(title) ?? caption(source)}”`, formatDate({ date: published }) || undefined];
  const line = parts.filter((part) => part !== undefined).join(', ');
  return `${markdownText(line)}${addressText(url)}`;
}

function citation(
  relationship: GraphRelationship,
  names: Map<string, string>,
  sources: ReadonlyMap<string, GraphNode>,
): string {
  const { properties, source, target, type } = relationship;
  const date = formatDate(properties) || 'undated';
  const heading = `${date} — ${names.get(source) ?? source} → ${names.get(target) ?? target} (${type})`;
  const lines = [`## ${markdownText(heading)}`, ''];
  const summary = text(properties.summary);
  if (summary) lines.push(markdownText(summary), '');
  const quote = text(properties.quote);
  if (quote) lines.push(markdownQuote(quote), '');
  const cited = Array.isArray(properties.sources) ? properties.sources.filter((id) => typeof id === 'string') : [];
  const [first, ...others] = cited.map((id) => sourceLine(id, sources.get(id)));
  lines.push(first === undefined ? 'Source: none given.' : `${quote ? 'Quoted from' : 'Source'}: ${first}.`);
  if (others.length > 0) lines.push('', `Also cited: ${others.join('; ')}.`);
  return lines.join('\n');
}

const byTime = (a: GraphRelationship, b: GraphRelationship) => {
  const [x, y] = [text(a.properties.date), text(b.properties.date)];
  if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : x.localeCompare(y);
  return a.id.localeCompare(b.id);
};

export function* citationChunks({ nodes, relationships, citations }: ExportGraph): Generator<Chunk> {
  const names = new Map(nodes.map((node) => [node.id, caption(node)]));
  const sources = new Map((citations?.sources ?? []).map((source) => [source.id, source]));
  const cited = new Set(
    relationships.flatMap((r) => (Array.isArray(r.properties.sources) ? r.properties.sources : [])),
  );
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const header = [
    '# Citations',
    '',
    `${count(relationships.length, 'relationship', 'relationships')}, oldest first, citing ${count(cited.size, 'source', 'sources')}.`,
  ];
  yield header.join('\n');
  for (const relationship of [...relationships].sort(byTime)) yield `\n\n${citation(relationship, names, sources)}`;
  yield '\n';
}

export function writeCitations(graph: ExportGraph): string {
  return fileText(citationChunks(graph));
}

export const citationsFormat: ExportFormatWriter = {
  extension: 'md',
  contentType: 'text/markdown; charset=utf-8',
  needsCitations: true,
  write: citationChunks,
};
