// A small graph of the values exports get wrong: line breaks (CR LF, lone CR), tabs, quotes,
// commas, emoji, empty strings, lists holding , ; " and |, properties named like the formats'
// structural fields, formula-looking text, control characters, parallel relationships (of one
// type and of two), dated spans at month precision, and a cited Source node.
import { applySchema } from '../../server/loader/load.ts';
import type { GraphStore } from '../../server/store/port.ts';

export interface AwkwardNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface AwkwardRelationship {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

const structuralNames = {
  label: 'a property named label',
  labels: 'a property named labels',
  type: 'a property named type',
  source: 'a property named source',
  target: 'a property named target',
  kind: 'a property named kind',
  weight: 7,
  Id: 'a property named Id',
  'property.label': 'a name that already has the prefix',
  interaction: 'a property named interaction',
  parent: 'a property named parent',
};

export const awkwardNodes: AwkwardNode[] = [
  {
    id: 'awk:text',
    labels: ['Entity', 'Person'],
    properties: {
      name: 'Say "hi", then \'bye\'',
      role: 'line one\r\nline two\rline three\nend',
      note: 'tab\there, trailing tab\t',
      padded: '  padded  ',
      empty: '',
      emoji: '🦊 ünïcödé 中文 👩‍👩‍👧',
      backslash: 'C:\\temp\\u0060 and \\n',
      ...structuralNames,
    },
  },
  {
    id: 'awk:formulas',
    labels: ['Entity', 'Organization'],
    properties: {
      name: '=HYPERLINK("http://evil.example","click")',
      plus: '+1+1',
      minus: '-2+3',
      at: '@SUM(A1:A2)',
      quote: "'already quoted",
      tabStart: '\t=1',
      crStart: '\r=1',
      fullWidth: '＝1+1',
      cmd: "=cmd|'/c calc'!A0",
      negative: -5,
    },
  },
  {
    id: 'awk:controls',
    labels: ['Entity', 'Event'],
    properties: {
      name: 'NUL\u0000 ESC\u001b BEL\u0007 VT\u000b FF\u000c US\u001f',
      del: 'DEL\u007f NEL\u0085',
      separators: 'LS\u2028 PS\u2029',
      nonCharacter: 'x\uFFFEy\uFFFFz',
      date: '2024-05-16',
    },
  },
  {
    id: 'awk:lists',
    labels: ['Entity', 'Country'],
    properties: {
      name: 'Lists, numbers and flags',
      aliases: ['a,b', 'c;d', 'e"f', "g'h", '', 'i|j', 'line\r\nbreak', '=1+1'],
      numbers: [1, 2, -3],
      ratios: [1.5, -0.25],
      flags: [true, false],
      count: 42,
      ratio: -0.125,
      big: 123456789012,
      flag: false,
    },
  },
  {
    id: 'source:awkward',
    labels: ['Entity', 'Source'],
    properties: {
      title: 'An awkward, "quoted" source',
      publisher: 'Press; Inc.',
      published: '2024-06-01',
      file: 'awkward.md',
    },
  },
];

const relationship = (id: string, type: string, source: string, target: string, properties: Record<string, unknown>) =>
  ({
    id,
    type,
    source,
    target,
    properties: { sources: ['source:awkward'], ...properties },
  }) satisfies AwkwardRelationship;

export const awkwardRelationships: AwkwardRelationship[] = [
  relationship('rel:awk-visit-1', 'VISITED', 'awk:text', 'awk:lists', {
    date: '2024-05-16',
    datePrecision: 'day',
    summary: 'First visit,\r\nwith "quotes"\tand a tab.',
    quote: '',
    ...structuralNames,
  }),
  relationship('rel:awk-visit-2', 'VISITED', 'awk:text', 'awk:lists', {
    date: '2024-07-01',
    dateEnd: '2024-08-01',
    datePrecision: 'month',
    summary: '=1+2',
    quote: 'A second visit; the same type, the same ends.',
  }),
  relationship('rel:awk-met', 'MET_WITH', 'awk:text', 'awk:lists', {
    date: '2023-01-01',
    datePrecision: 'year',
    summary: 'A parallel relationship of another type.',
    quote: 'NUL\u0000 and ESC\u001b in a quote',
  }),
  relationship('rel:awk-supports', 'SUPPORTS', 'awk:formulas', 'awk:controls', {
    date: 'not a date',
    summary: '@mention',
    quote: '🦊',
  }),
];

/** Writes the awkward graph (schema first) into an empty store. */
export async function seedAwkward(store: GraphStore): Promise<void> {
  await applySchema(store);
  for (const node of awkwardNodes) {
    const labels = node.labels.map((label) => `:\`${label}\``).join('');
    await store.write(
      { text: `CREATE (n${labels}) SET n = $properties` },
      { properties: { ...node.properties, id: node.id } },
    );
  }
  for (const r of awkwardRelationships) {
    await store.write(
      {
        text: `MATCH (a:Entity {id: $source}), (b:Entity {id: $target}) CREATE (a)-[r:\`${r.type}\`]->(b) SET r = $properties`,
      },
      { source: r.source, target: r.target, properties: { ...r.properties, id: r.id } },
    );
  }
}
