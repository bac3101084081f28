import { describe, expect, it } from 'vitest';
import { writeCitations } from '../../server/domain/export/citations-markdown.ts';
import { GraphNode, GraphRelationship } from '../../server/store/graph-values.ts';
import type { Properties } from '../../server/store/graph-values.ts';

const node = (id: string, labels: string[], properties: Properties) => new GraphNode(id, labels, { id, ...properties });
const rel = (id: string, source: string, target: string, properties: Properties) =>
  new GraphRelationship(id, 'VISITED', source, target, { id, ...properties });

const putin = node('person:putin', ['Person'], { name: 'Vladimir Putin' });
const china = node('country:CHN', ['Country'], { name: 'China' });
const semafor = node('source:semafor', ['Source'], {
  title: 'Putin and Xi meet',
  publisher: 'Semafor',
  published: '2024-05-16',
});
const cnn = node('source:cnn', ['Source'], {
  title: 'Praise for ties',
  publisher: 'CNN',
  published: '2024-08-21',
  url: 'https://example.org/a',
});
const visit = rel('rel:visit', putin.id, china.id, {
  date: '2024-05-16',
  datePrecision: 'month',
  summary: 'Putin visited China.',
  quote: 'Putin arrived in Beijing\non Thursday.',
  sources: [semafor.id, cnn.id],
});

const write = (relationships: GraphRelationship[], nodes = [putin, china]) =>
  writeCitations({ nodes, relationships, citations: { sources: [semafor, cnn], links: [] } });

describe('writeCitations', () => {
  it('when a relationship is exported, its date at its precision, ends and type head its citation', () => {
    expect(write([visit])).toContain('## May 2024 — Vladimir Putin → China (VISITED)\n\nPutin visited China.\n');
  });

  it('when the quote spans lines, every line is quoted verbatim', () => {
    expect(write([visit])).toContain('> Putin arrived in Beijing\n> on Thursday.\n');
  });

  it('when it cites several sources, the first is the one quoted and the others are also cited', () => {
    const text = write([visit]);
    expect(text).toContain('Quoted from: Semafor, “Putin and Xi meet”, 16 May 2024.');
    expect(text).toContain('Also cited: CNN, “Praise for ties”, 21 Aug 2024 <https://example.org/a>.');
  });

  it('when relationships are exported, they come oldest first, undated ones last', () => {
    const later = rel('rel:a-later', putin.id, china.id, { date: '2025-07-11', dateEnd: '2025-07-13' });
    const undated = rel('rel:0-undated', putin.id, china.id, {});
    const text = write([later, undated, visit]);
    const order = ['## May 2024', '## 11–13 Jul 2025', '## undated'].map((heading) => text.indexOf(heading));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('when a cited source is not in the graph, it is named by its id', () => {
    const orphan = rel('rel:orphan', putin.id, china.id, { date: '2024-01-01', quote: 'Q.', sources: ['source:gone'] });
    expect(write([orphan])).toContain('Quoted from: source:gone (not in the graph).');
  });

  it('when a relationship has no quote and no source, it says so rather than leave a gap', () => {
    const bare = rel('rel:bare', putin.id, china.id, { date: '2024-01-01' });
    const text = write([bare]);
    expect(text).toContain('Source: none given.');
    expect(text).not.toContain('>');
  });

  it('when an end is not among the exported nodes, it is named by its id', () => {
    expect(write([visit], [putin])).toContain('Vladimir Putin → country:CHN');
  });

  it('when relationships are exported, the header counts them and the sources they cite', () => {
    const other = rel('rel:other', putin.id, china.id, { date: '2024-01-01', sources: [cnn.id] });
    expect(write([visit, other]).startsWith('# Citations\n\n2 relationships, oldest first, citing 2 sources.\n')).toBe(
      true,
    );
  });
});
