// A synthetic graph for benchmarks: deterministic from a seed number, with the curated data's
// labels and relationship types, power-law degrees (a few large hubs, most nodes with a handful
// of relationships) and dates spread over years. Nodes are few enough to hold; relationships are
// generated in chunks, so a million of them never sit in memory at once.
import { searchProperties } from '../server/domain/search-key.ts';
import type { GraphStore } from '../server/store/port.ts';
import type { NodeRecord, RelationshipRecord } from '../server/loader/graph-data.ts';
import { applySchema, loadGraph } from '../server/loader/load.ts';
import { refreshHubSummaries } from '../server/loader/hub-summaries.ts';
import { storeCounts } from '../server/domain/schema.ts';

export interface SyntheticSpec {
  nodes: number;
  relationships: number;
  seed: number;
}

// --- a seeded PRNG: sfc32, its state spread from the seed by splitmix32 ---------------------------

export type Random = () => number;

export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, below: number): number => Math.floor(random() * below);

// --- shape ----------------------------------------------------------------------------------------

export const syntheticLabels = ['Country', 'Person', 'Organization', 'Event'] as const;
export type SyntheticLabel = (typeof syntheticLabels)[number] | 'Source';

const idPrefix: Record<SyntheticLabel, string> = {
  Country: 'syn:country:',
  Person: 'syn:person:',
  Organization: 'syn:org:',
  Event: 'syn:event:',
  Source: 'syn:source:',
};

/** Relationship types of the curated set, which labels they join, and how common they are. */
export const syntheticTypes: readonly { type: string; weight: number; from: SyntheticLabel[]; to: SyntheticLabel[] }[] =
  [
    {
      type: 'MADE_STATEMENT',
      weight: 14,
      from: ['Person', 'Organization', 'Country'],
      to: ['Country', 'Person', 'Event'],
    },
    { type: 'MET_WITH', weight: 14, from: ['Person'], to: ['Person'] },
    { type: 'PARTICIPATED_IN', weight: 12, from: ['Person', 'Organization', 'Country'], to: ['Event'] },
    { type: 'VISITED', weight: 10, from: ['Person'], to: ['Country'] },
    { type: 'TRADES_WITH', weight: 8, from: ['Country'], to: ['Country'] },
    {
      type: 'SUPPORTS',
      weight: 8,
      from: ['Country', 'Person', 'Organization'],
      to: ['Country', 'Organization', 'Person'],
    },
    { type: 'SANCTIONS', weight: 6, from: ['Country', 'Organization'], to: ['Country', 'Person', 'Organization'] },
    { type: 'HOLDS_OFFICE', weight: 6, from: ['Person'], to: ['Country', 'Organization'] },
    { type: 'COOPERATES_WITH', weight: 6, from: ['Country', 'Organization'], to: ['Country', 'Organization'] },
    { type: 'SUPPLIES', weight: 4, from: ['Country', 'Organization'], to: ['Country', 'Organization'] },
    { type: 'URGED', weight: 3, from: ['Country', 'Organization'], to: ['Country'] },
    { type: 'SIGNED_AGREEMENT', weight: 3, from: ['Country'], to: ['Country'] },
    { type: 'ATTACKED', weight: 1, from: ['Country'], to: ['Country'] },
    { type: 'ALLIED_WITH', weight: 1, from: ['Country'], to: ['Country'] },
  ];

/** How many nodes of each label: a few sources and countries (at most 250), then people, organisations, events. */
export function labelCounts(total: number): Record<SyntheticLabel, number> {
  if (!Number.isInteger(total) || total < 20) throw new Error('a synthetic graph needs at least 20 nodes');
  const Source = Math.min(10, Math.max(1, Math.floor(total / 1000)));
  const Country = Math.min(250, Math.max(5, Math.floor(total / 400)));
  const rest = total - Source - Country;
  const Organization = Math.floor(rest * 0.15);
  const Event = Math.floor(rest * 0.2);
  const Person = rest - Organization - Event;
  return { Source, Country, Person, Organization, Event };
}

// Degrees: each relationship end is a node of the chosen label, picked with probability
// ZIPF_SHARE by a Zipf law over the label's nodes (node 0 the biggest hub), otherwise uniformly.
// The mixture gives a power-law tail with a floor: hubs with thousands of relationships, and
// typical nodes with about as many as the average.
const ZIPF_EXPONENT = 1.05;
const ZIPF_SHARE = 0.5;

class EndSampler {
  private readonly cumulative: Float64Array;

  constructor(readonly count: number) {
    this.cumulative = new Float64Array(count);
    let sum = 0;
    for (let rank = 0; rank < count; rank++) {
      sum += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
      this.cumulative[rank] = sum;
    }
  }

  sample(random: Random): number {
    if (random() >= ZIPF_SHARE) return int(random, this.count);
    const target = random() * this.cumulative[this.count - 1]!;
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

// --- names and text -------------------------------------------------------------------------------

const firstNames = [
  'Anna',
  'Boris',
  'Chen',
  'Dmitri',
  'Elena',
  'Farid',
  'Galina',
  'Hu',
  'Irina',
  'Jae',
  'Kateryna',
  'Lev',
  'Mei',
  'Nikolai',
  'Olga',
  'Pavel',
  'Qiang',
  'Ruslan',
  'Svetlana',
  'Taras',
  'Ulyana',
  'Viktor',
  'Wei',
  'Xenia',
  'Yuri',
  'Zhanna',
  'Andriy',
  'Bogdana',
  'Ji-woo',
  'Oksana',
];
const lastNames = [
  'Antonov',
  'Bondarenko',
  'Chang',
  'Dubrovsky',
  'Eremenko',
  'Fedorov',
  'Gao',
  'Hrytsenko',
  'Ivanova',
  'Jeong',
  'Kovalenko',
  'Lukashov',
  'Morozova',
  'Novak',
  'Orlov',
  'Petrenko',
  'Qian',
  'Romanov',
  'Sokolova',
  'Tkachenko',
  'Usova',
  'Volkov',
  'Wang',
  'Xu',
  'Yakovlev',
  'Zhao',
  'Kim',
  'Shevchenko',
  'Li',
  'Park',
];
const syllables = [
  'ar',
  'bel',
  'cor',
  'dan',
  'el',
  'fa',
  'gor',
  'hal',
  'is',
  'ka',
  'lor',
  'mar',
  'nov',
  'or',
  'pra',
  'ros',
  'sta',
  'tur',
  'ur',
  'vel',
  'zan',
];
const roles = [
  'minister',
  'ambassador',
  'general',
  'spokesperson',
  'analyst',
  'governor',
  'envoy',
  'president',
  'chief executive',
];
const orgKinds = ['ministry', 'company', 'bank', 'agency', 'alliance', 'party', 'think tank'];
const orgWords = ['Holdings', 'Institute', 'Council', 'Bank', 'Group', 'Agency', 'Union', 'Corporation'];
const eventWords = ['Summit', 'Forum', 'Talks', 'Exercise', 'Conference', 'Visit', 'Strike', 'Agreement'];
const verbs: Record<string, string> = {
  MADE_STATEMENT: 'made a statement about',
  MET_WITH: 'met with',
  PARTICIPATED_IN: 'took part in',
  VISITED: 'visited',
  TRADES_WITH: 'trades with',
  SUPPORTS: 'supports',
  SANCTIONS: 'sanctions',
  HOLDS_OFFICE: 'holds office in',
  COOPERATES_WITH: 'cooperates with',
  SUPPLIES: 'supplies',
  URGED: 'urged',
  SIGNED_AGREEMENT: 'signed an agreement with',
  ATTACKED: 'attacked',
  ALLIED_WITH: 'is allied with',
};

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function madeUpWord(random: Random): string {
  const length = 2 + int(random, 2);
  let word = '';
  for (let i = 0; i < length; i++) word += pick(random, syllables);
  return capitalise(word);
}

// Dates from 2000-01-01 over 26 years.
const FIRST_DAY = Date.UTC(2000, 0, 1);
const DAYS = 26 * 365;
const DAY_MS = 86_400_000;

let dateTable: string[] | undefined;

function randomDate(random: Random): string {
  dateTable ??= Array.from({ length: DAYS }, (_, day) => new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10));
  return dateTable[int(random, DAYS)]!;
}

// --- the generator --------------------------------------------------------------------------------

export function nodeId(label: SyntheticLabel, index: number): string {
  return `${idPrefix[label]}${index}`;
}

/**
 * The synthetic graph for a spec. Nodes are made by label with their own PRNG stream, and
 * relationships by another, so the same seed always gives the same data, whatever chunk sizes
 * are asked for.
 */
export class SyntheticGraph {
  readonly counts: Record<SyntheticLabel, number>;

  constructor(readonly spec: SyntheticSpec) {
    if (!Number.isInteger(spec.relationships) || spec.relationships < 0)
      throw new Error('relationships must be a whole number');
    if (!Number.isInteger(spec.seed)) throw new Error('the seed must be a whole number');
    this.counts = labelCounts(spec.nodes);
  }

  /** Node records, label by label (sources, countries, people, organisations, events). */
  *nodes(): Generator<NodeRecord> {
    const random = createRandom(this.spec.seed);
    const labels: SyntheticLabel[] = ['Source', ...syntheticLabels];
    for (const label of labels) {
      for (let index = 0; index < this.counts[label]; index++) yield this.node(random, label, index);
    }
  }

  private node(random: Random, label: SyntheticLabel, index: number): NodeRecord {
    const id = nodeId(label, index);
    let name: string;
    const properties: Record<string, string> = {};
    switch (label) {
      case 'Source':
        name = `Synthetic source ${index}`;
        properties.publisher = 'kg-explorer synthetic generator';
        properties.published = randomDate(random);
        properties.title = name;
        break;
      case 'Country':
        name = `${madeUpWord(random)}ia`;
        properties.iso3 = `Q${String.fromCharCode(65 + (Math.floor(index / 26) % 26))}${String.fromCharCode(65 + (index % 26))}`;
        break;
      case 'Person':
        name = `${pick(random, firstNames)} ${pick(random, lastNames)}`;
        properties.role = pick(random, roles);
        break;
      case 'Organization':
        name = `${madeUpWord(random)} ${pick(random, orgWords)}`;
        properties.kind = pick(random, orgKinds);
        break;
      case 'Event':
        name = `${madeUpWord(random)} ${pick(random, eventWords)}`;
        properties.date = randomDate(random);
        break;
    }
    return {
      id,
      label,
      properties: { ...properties, name, ...searchProperties(name, [], id) },
    };
  }

  /** Relationship records in chunks of at most `size`; every chunk holds one type only. */
  *relationshipChunks(size: number): Generator<RelationshipRecord[]> {
    if (!Number.isInteger(size) || size < 1) throw new Error('the chunk size must be a positive whole number');
    const random = createRandom(this.spec.seed ^ 0x5bd1e995);
    const samplers = new Map<SyntheticLabel, EndSampler>();
    const sampler = (label: SyntheticLabel) => {
      let found = samplers.get(label);
      if (!found) samplers.set(label, (found = new EndSampler(this.counts[label])));
      return found;
    };
    const totalWeight = syntheticTypes.reduce((sum, type) => sum + type.weight, 0);
    const pending = new Map<string, RelationshipRecord[]>();
    const sources = this.counts.Source;
    for (let index = 0; index < this.spec.relationships; index++) {
      let roll = random() * totalWeight;
      let kind = syntheticTypes[0]!;
      for (const candidate of syntheticTypes) {
        roll -= candidate.weight;
        if (roll < 0) {
          kind = candidate;
          break;
        }
      }
      const fromLabel = pick(random, kind.from);
      const toLabel = pick(random, kind.to);
      const from = sampler(fromLabel).sample(random);
      let to = sampler(toLabel).sample(random);
      if (fromLabel === toLabel && from === to)
        to = (to + 1 + int(random, this.counts[toLabel] - 1)) % this.counts[toLabel];
      const source = nodeId(fromLabel, from);
      const target = nodeId(toLabel, to);
      const date = randomDate(random);
      const relationship: RelationshipRecord = {
        id: `syn:rel:${index}`,
        type: kind.type,
        source,
        target,
        properties: {
          date,
          datePrecision: 'day',
          summary: `${source} ${verbs[kind.type] ?? 'relates to'} ${target}.`,
          sources: [nodeId('Source', int(random, sources))],
          quote: `Synthetic sentence ${index} (${date}).`,
        },
      };
      const batch = pending.get(kind.type);
      if (batch) batch.push(relationship);
      else pending.set(kind.type, [relationship]);
      if (pending.get(kind.type)!.length >= size) {
        yield pending.get(kind.type)!;
        pending.delete(kind.type);
      }
    }
    for (const batch of pending.values()) yield batch;
  }

  /** Degree per node id (both directions), counted by running the relationship stream once. */
  degrees(): Map<string, number> {
    const degrees = new Map<string, number>();
    for (const chunk of this.relationshipChunks(10_000)) {
      for (const { source, target } of chunk) {
        degrees.set(source, (degrees.get(source) ?? 0) + 1);
        degrees.set(target, (degrees.get(target) ?? 0) + 1);
      }
    }
    return degrees;
  }
}

// --- loading --------------------------------------------------------------------------------------

export interface SyntheticLoadOptions {
  batchSize?: number;
  /** 'create' (the default) for a store without relationships: the store's bulk path (the
   *  embedded engine's native batches; cypher/create-*.cypher on Neo4j), nodes too when the store
   *  holds none. 'merge' goes through the idempotent upsert, as the curated data does. */
  relationships?: 'merge' | 'create';
  /** Called after every batch with the running totals. */
  onProgress?: (progress: { nodes: number; relationships: number }) => void;
  /** Relationship batches in flight at once (default 4): while the engine writes one on its
   *  thread pool, the next is generated and converted on the event loop. */
  concurrency?: number;
}

export interface SyntheticLoadResult {
  nodes: number;
  relationships: number;
  nodeMs: number;
  relationshipMs: number;
  /** Relationships per second, generation included. */
  relationshipRate: number;
  /** Hub summaries written after the relationships, and the time that took (not in the rate). */
  hubs: number;
  summaryMs: number;
}

/**
 * Loads the synthetic graph through the same loader as the curated data (seed/load.ts), a chunk
 * of one relationship type at a time, so memory stays flat whatever the size.
 */
export async function loadSynthetic(
  store: GraphStore,
  graph: SyntheticGraph,
  options: SyntheticLoadOptions = {},
): Promise<SyntheticLoadResult> {
  const { batchSize = 10_000, relationships: mode = 'create', onProgress, concurrency = 4 } = options;
  await applySchema(store);
  // Nodes in bulk only into a store without any (a load cut short in its nodes is completed by MERGE).
  const nodeMode = mode === 'create' && (await storeCounts(store)).nodes === 0 ? 'create' : 'merge';
  const progress = { nodes: 0, relationships: 0 };
  const started = performance.now();
  let nodes: NodeRecord[] = [];
  const flushNodes = async () => {
    await loadGraph(store, { nodes, relationships: [] }, { batchSize, applySchema: false, nodes: nodeMode });
    progress.nodes += nodes.length;
    nodes = [];
    onProgress?.({ ...progress });
  };
  for (const node of graph.nodes()) {
    nodes.push(node);
    if (nodes.length >= batchSize) await flushNodes();
  }
  if (nodes.length > 0) await flushNodes();
  const nodeMs = performance.now() - started;
  const inFlight = new Set<Promise<void>>();
  try {
    for (const chunk of graph.relationshipChunks(batchSize)) {
      const write: Promise<void> = loadGraph(
        store,
        { nodes: [], relationships: chunk },
        { batchSize, applySchema: false, relationships: mode, hubSummaries: false },
      ).then(() => {
        inFlight.delete(write);
        progress.relationships += chunk.length;
        onProgress?.({ ...progress });
      });
      inFlight.add(write);
      if (inFlight.size >= Math.max(1, concurrency)) await Promise.race(inFlight);
    }
  } finally {
    // On a failure, let the batches in flight settle before the error reaches the caller.
    await Promise.allSettled(inFlight);
  }
  await Promise.all(inFlight);
  const relationshipMs = performance.now() - started - nodeMs;
  const summariesStarted = performance.now();
  const hubs = await refreshHubSummaries(store);
  const summaryMs = performance.now() - summariesStarted;
  return {
    ...progress,
    nodeMs,
    relationshipMs,
    relationshipRate: progress.relationships / Math.max(relationshipMs / 1000, 1e-9),
    hubs,
    summaryMs,
  };
}
