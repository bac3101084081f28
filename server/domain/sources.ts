// Sources you can read: a Source node with its article's text and where the claims citing it
// quote it, and the claims themselves as elements.
import type { ClaimsResponse, QuoteSpan, SourceResponse } from '../../common/api.ts';
import { GraphNode, GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { SubgraphBuilder, toElements, toNodeElement } from './elements.ts';
import { UnknownSourceError } from './errors.ts';
import { collapseWithOrigins, locateQuote } from './quote-location.ts';

/** Reads an article by the file name a Source node gives; undefined when there is no such file. */
export type ArticleReader = (file: string) => Promise<string | undefined>;

/** The most quotes placed in one article: far above what an article holds, a bound on the work. */
export const maxQuotes = 10_000;

async function findSource(store: GraphStore, id: string): Promise<GraphNode> {
  const { rows } = await store.read('source-by-id', { id });
  const source = rows[0]?.s;
  if (!(source instanceof GraphNode)) throw new UnknownSourceError(id);
  return source;
}

async function quoteSpans(store: GraphStore, id: string, text: string): Promise<QuoteSpan[]> {
  const { rows } = await store.read('source-quotes', { id, limit: maxQuotes });
  const collapsed = collapseWithOrigins(text);
  const spans = rows.flatMap(({ id: relationshipId, quote }) => {
    const span = typeof quote === 'string' ? locateQuote(text, quote, collapsed) : undefined;
    return span ? [{ relationshipId: String(relationshipId), ...span }] : [];
  });
  return spans.sort((x, y) => x.start - y.start || x.end - y.end || x.relationshipId.localeCompare(y.relationshipId));
}

/** A source's metadata, its article's text (null when it has none) and where its claims' quotes sit in it. */
export async function sourceDetails(
  store: GraphStore,
  readArticle: ArticleReader,
  id: string,
): Promise<SourceResponse> {
  const source = await findSource(store, id);
  const file = source.properties.file;
  const text = typeof file === 'string' ? ((await readArticle(file)) ?? null) : null;
  return { source: toNodeElement(source), text, quotes: text === null ? [] : await quoteSpans(store, id, text) };
}

/** The relationships citing a source, with both ends, in time order: at most `limit`, and how many there are. */
export async function sourceClaims(store: GraphStore, id: string, limit: number): Promise<ClaimsResponse> {
  await findSource(store, id);
  // One row more than the limit: if it does not come, the rows are all there is and need no count.
  const { rows } = await store.read('source-claims', { id, limit: limit + 1 });
  const graph = new SubgraphBuilder();
  for (const { r, a, b } of rows.slice(0, limit)) {
    if (!(r instanceof GraphRelationship) || !(a instanceof GraphNode) || !(b instanceof GraphNode)) continue;
    graph.addNode(a);
    graph.addNode(b);
    graph.addRelationship(r);
  }
  const total =
    rows.length <= limit ? rows.length : Number((await store.read('source-claim-count', { id })).rows[0]?.total ?? 0);
  return { elements: toElements(graph.subgraph()), meta: { total, truncated: total > graph.relationships.size } };
}
