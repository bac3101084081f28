import { create } from 'xmlbuilder2';
import type { Subgraph } from '../elements.ts';
import { caption, visibleProperties } from '../elements.ts';
import type { AttributeKey } from './attributes.ts';
import { attributeKeys, attributeText } from './attributes.ts';

/**
 * GraphML with typed keys (boolean, long, double, string), read by Gephi, yEd and networkx.
 * Nodes carry `labels` (":Entity:Person", as Neo4j's APOC writes it) and `label` (the caption);
 * edges carry `type` and `label` (the type). Lists are JSON text.
 */
export function writeGraphml({ nodes, relationships }: Subgraph): string {
  const nodeKeys: AttributeKey[] = [
    { name: 'label', type: 'string' },
    { name: 'labels', type: 'string' },
    ...attributeKeys(
      nodes.map((n) => n.properties),
      ['id', 'label', 'labels'],
    ),
  ];
  const edgeKeys: AttributeKey[] = [
    { name: 'type', type: 'string' },
    { name: 'label', type: 'string' },
    ...attributeKeys(
      relationships.map((r) => r.properties),
      ['type', 'label'],
    ),
  ];
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  for (const key of nodeKeys)
    root.ele('key', { id: `n_${key.name}`, for: 'node', 'attr.name': key.name, 'attr.type': key.type });
  for (const key of edgeKeys)
    root.ele('key', { id: `e_${key.name}`, for: 'edge', 'attr.name': key.name, 'attr.type': key.type });
  const graph = root.ele('graph', { id: 'G', edgedefault: 'directed' });
  for (const node of nodes) {
    const values: Record<string, unknown> = {
      ...visibleProperties(node.properties),
      label: caption(node),
      labels: node.labels.map((label) => `:${label}`).join(''),
    };
    const element = graph.ele('node', { id: node.id });
    for (const key of nodeKeys) {
      const text = attributeText(values[key.name]);
      if (text !== null) element.ele('data', { key: `n_${key.name}` }).txt(text);
    }
  }
  for (const r of relationships) {
    const values: Record<string, unknown> = { ...visibleProperties(r.properties), type: r.type, label: r.type };
    const element = graph.ele('edge', { id: r.id, source: r.source, target: r.target });
    for (const key of edgeKeys) {
      const text = attributeText(values[key.name]);
      if (text !== null) element.ele('data', { key: `e_${key.name}` }).txt(text);
    }
  }
  return root.end({ prettyPrint: true });
}
