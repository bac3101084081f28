// Downloading exports and comparing what a reader got back with what the store holds: the graph
// as plain maps (labels sorted, `id` as the element's key, not a property), and the documented
// ways each format writes values it cannot hold as they are.
import JSZip from 'jszip';
import request from 'supertest';
import type { AppUnderTest } from './app.ts';
import { awkwardNodes, awkwardRelationships } from './awkward-graph.ts';

export interface ReadNode {
  labels: string[];
  properties: Record<string, unknown>;
}

export interface ReadRelationship {
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface ReadGraph {
  nodes: Record<string, ReadNode>;
  relationships: Record<string, ReadRelationship>;
}

export interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

/** POST /api/export with this body, the response read as bytes whatever its type. */
export async function download(app: AppUnderTest['app'], body: object): Promise<Download> {
  const res = await request(app)
    .post('/api/export')
    .send(body)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  const bytes = res.body as Buffer;
  return {
    status: res.status,
    headers: res.headers as Record<string, string>,
    body: bytes,
    text: bytes.toString('utf8'),
  };
}

/** The files of a zip, as text. */
export async function unzip(body: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(body);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) files[name] = await zip.file(name)!.async('string');
  return files;
}

const withoutId = ({ id: _id, ...rest }: Record<string, unknown>) => rest;

/** The awkward graph as the store holds it (only the nodes given, and the relationships among them). */
export function awkwardGraph(ids = awkwardNodes.map((node) => node.id)): ReadGraph {
  const graph: ReadGraph = { nodes: {}, relationships: {} };
  for (const node of awkwardNodes.filter((n) => ids.includes(n.id))) {
    graph.nodes[node.id] = { labels: [...node.labels].sort(), properties: withoutId(node.properties) };
  }
  for (const r of awkwardRelationships.filter((r) => ids.includes(r.source) && ids.includes(r.target))) {
    graph.relationships[r.id] = {
      type: r.type,
      source: r.source,
      target: r.target,
      properties: withoutId(r.properties),
    };
  }
  return graph;
}

/** The graph with every property value passed through `value`. */
export function mapValues(graph: ReadGraph, value: (v: unknown) => unknown): ReadGraph {
  const map = (properties: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(properties).map(([key, v]) => [key, value(v)]));
  return {
    nodes: Object.fromEntries(
      Object.entries(graph.nodes).map(([id, n]) => [id, { ...n, properties: map(n.properties) }]),
    ),
    relationships: Object.fromEntries(
      Object.entries(graph.relationships).map(([id, r]) => [id, { ...r, properties: map(r.properties) }]),
    ),
  };
}

/**
 * What XML 1.0 can hold of a value, as the XML exports document it: C0 controls other than tab, LF
 * and CR as their control pictures (U+2400 + code), U+FFFE and U+FFFF as U+FFFD; lists and maps
 * are JSON text.
 */
export function asXmlValue(value: unknown): unknown {
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (
    text
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
      .replace(/[\uFFFE\uFFFF]/g, '\uFFFD')
  );
}

/** A value as a text cell holds it: numbers and booleans as written, lists as JSON. */
export function asCellText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}
