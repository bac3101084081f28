// Exports that include the sources cited: a sources table in json and csv; Source nodes and one
// CITES link per citation (from the citing relationship's start node, naming the relationship)
// in the graph formats.
import { parse } from 'csv-parse/sync';
import graphology from 'graphology';
import MarkdownIt, { type Token } from 'markdown-it';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import request from 'supertest';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { awkwardRelationships, seedAwkward } from '../support/awkward-graph.ts';
import { download, unzip } from '../support/export-files.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';
import { markupIds, markupTexts, seedMarkup } from '../support/markup-graph.ts';
import { replay, storeGraph } from '../support/replay.ts';

const h = fileApp({ seed: seedAwkward });
// The view without the Source node: the sources come only through the citations.
const ids = ['awk:text', 'awk:formulas', 'awk:controls', 'awk:lists'];
const expectedLinks = awkwardRelationships
  .map((r) => ({ id: `cites:${r.id}:source:awkward`, source: r.source, target: 'source:awkward', relationship: r.id }))
  .sort((a, b) => (a.id < b.id ? -1 : 1));

type Link = { id: string; source: string; target: string; relationship: unknown };
const sorted = (links: Link[]) => [...links].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The Source node ids and CITES links a graph format's file holds, read by a reader we did not write. */
const readers: Record<string, (body: Buffer) => Promise<{ sources: string[]; links: Link[] }>> = {
  cyjs: async (body) => {
    const { elements } = JSON.parse(body.toString('utf8'));
    return {
      sources: elements.nodes
        .filter((n: { data: { labels: string[] } }) => n.data.labels.includes('Source'))
        .map((n: { data: { id: string } }) => n.data.id),
      links: elements.edges
        .filter((e: { data: { type: string } }) => e.data.type === 'CITES')
        .map(({ data }: { data: Link }) => ({
          id: data.id,
          source: data.source,
          target: data.target,
          relationship: data.relationship,
        })),
    };
  },
  graphml: async (body) => fromGraphology(parseGraphml(graphology.MultiDirectedGraph, body.toString('utf8')), 'label'),
  'graphml-yed': async (body) =>
    fromGraphology(parseGraphml(graphology.MultiDirectedGraph, body.toString('utf8')), 'label'),
  gexf: async (body) => fromGraphology(parseGexf(graphology.MultiDirectedGraph, body.toString('utf8')), 'kind'),
  cypher: async (body) => {
    const store = openEmbeddedStore();
    await replay(store, body.toString('utf8'));
    const graph = await storeGraph(store);
    await store.close();
    return {
      sources: Object.keys(graph.nodes).filter((id) => graph.nodes[id]!.labels.includes('Source')),
      links: Object.entries(graph.relationships)
        .filter(([, r]) => r.type === 'CITES')
        .map(([id, r]) => ({ id, source: r.source, target: r.target, relationship: r.properties.relationship })),
    };
  },
  'neo4j-csv': async (body) => {
    const files = await unzip(body);
    const rows = (name: string) => parse(files[name] ?? '', { columns: true }) as Record<string, string>[];
    return {
      sources: rows('nodes-Source.csv').map((row) => row['id:ID']!),
      links: rows('relationships-CITES.csv').map((row) => ({
        id: row['id:string']!,
        source: row[':START_ID']!,
        target: row[':END_ID']!,
        relationship: row['relationship:string'],
      })),
    };
  },
};

function fromGraphology(graph: InstanceType<typeof graphology.MultiDirectedGraph>, typeKey: string) {
  return {
    sources: graph.filterNodes((_id, a) => String(a.labels).includes(':Source')),
    links: graph
      .filterEdges((_id, a) => a[typeKey] === 'CITES')
      .map((id) => ({
        id,
        source: graph.source(id),
        target: graph.target(id),
        relationship: graph.getEdgeAttribute(id, 'relationship'),
      })),
  };
}

describe('exports with the sources cited', () => {
  it.each(Object.keys(readers))(
    'when %s includes sources, it holds the Source node and a CITES link per citation',
    async (format) => {
      const file = await download(h.app, { format, ids, includeSources: true });
      expect(file.status).toBe(200);
      const { sources, links } = await readers[format]!(file.body);
      expect(sources).toEqual(['source:awkward']);
      expect(sorted(links)).toEqual(expectedLinks);
    },
  );

  it.each(Object.keys(readers))('when %s does not include sources, it holds neither', async (format) => {
    const { sources, links } = await readers[format]!((await download(h.app, { format, ids })).body);
    expect([sources, links]).toEqual([[], []]);
  });

  it('when json includes sources, a sources table lists the cited Source nodes with their properties', async () => {
    const document = JSON.parse((await download(h.app, { format: 'json', ids, includeSources: true })).text);
    expect(document.sources).toEqual([
      {
        id: 'source:awkward',
        labels: expect.arrayContaining(['Entity', 'Source']),
        properties: expect.objectContaining({ title: 'An awkward, "quoted" source', publisher: 'Press; Inc.' }),
      },
    ]);
    expect(document.relationships.map((r: { type: string }) => r.type)).not.toContain('CITES');
    expect(JSON.parse((await download(h.app, { format: 'json', ids })).text).sources).toBeUndefined();
  });

  it('when csv includes sources, sources.csv lists them beside nodes.csv and relationships.csv', async () => {
    const files = await unzip((await download(h.app, { format: 'csv', ids, includeSources: true })).body);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'nodes.csv', 'relationships.csv', 'sources.csv']);
    expect(files['sources.csv']).toContain('source:awkward,"An awkward, ""quoted"" source"');
  });

  it('when asked by GET with includeSources=true, the file includes them', async () => {
    const res = await request(h.app)
      .get(`/api/export?format=json&includeSources=true&ids=${ids.join(',')}`)
      .expect(200);
    expect(JSON.parse(res.text).sources).toHaveLength(1);
  });
});

describe('citations of texts that are markup', () => {
  const markup = fileApp({ seed: seedMarkup });
  // The most permissive reading: raw HTML on, bare addresses linked, GitHub's tables and strikethrough.
  const reader = new MarkdownIt({ html: true, linkify: true });
  const tokensOf = async () => {
    const file = await download(markup.app, {
      format: 'citations',
      ids: [markupIds.person, markupIds.country],
    });
    expect(file.status).toBe(200);
    const flat = (tokens: Token[]): Token[] => tokens.flatMap((token) => [token, ...flat(token.children ?? [])]);
    return flat(reader.parse(file.text, {}));
  };
  const textOf = (tokens: Token[]) =>
    tokens.map((token) => (token.type === 'text' ? token.content : token.type === 'softbreak' ? '\n' : '')).join('');

  it('when names, summaries, titles and publishers hold markup, a Markdown reader finds only text, headings, paragraphs, quotes and links', async () => {
    const types = new Set((await tokensOf()).map((token) => token.type));
    const structure = ['heading', 'paragraph', 'blockquote', 'link'].flatMap((t) => [`${t}_open`, `${t}_close`]);
    expect([...types].filter((type) => ![...structure, 'inline', 'text', 'softbreak'].includes(type))).toEqual([]);
  });

  it.each(['personName', 'countryName', 'summary', 'publisher', 'title'] as const)(
    'when the %s holds markup, the reader shows it as the text stored',
    async (field) => {
      expect(textOf(await tokensOf())).toContain(markupTexts[field]);
    },
  );

  it('when a source’s address is not http(s), it is not linked and a note says it was left out', async () => {
    const tokens = await tokensOf();
    const links = tokens.filter((token) => token.type === 'link_open').map((token) => String(token.attrGet('href')));
    expect(links).toContain(new URL(markupTexts.safeUrl).href);
    expect(links.filter((href) => !/^https?:/.test(href))).toEqual([]);
    expect(textOf(tokens)).not.toContain('javascript:alert(document');
    expect(textOf(tokens)).toContain('(its address is left out: not an http or https link)');
  });

  it('when a quote’s lines end in CR, LF or CRLF, every line stays inside the blockquote', async () => {
    const tokens = await tokensOf();
    const start = tokens.findIndex((token) => token.type === 'blockquote_open');
    const end = tokens.findIndex((token) => token.type === 'blockquote_close');
    expect(tokens.filter((token) => token.type === 'blockquote_open')).toHaveLength(1);
    expect(textOf(tokens.slice(start, end)).split('\n')).toEqual(markupTexts.quote.split(/\r\n|\r|\n/));
  });
});
