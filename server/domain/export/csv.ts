import { stringify } from 'csv-stringify/sync';
import JSZip from 'jszip';
import type { Subgraph } from '../elements.ts';
import { visibleProperties } from '../elements.ts';
import { attributeKeys, scalar } from './attributes.ts';

/** Two CSV files, nodes.csv and relationships.csv, in a zip. Lists are JSON text; labels are joined by ';'. */
export async function writeCsvZip({ nodes, relationships }: Subgraph): Promise<Buffer> {
  const nodeKeys = attributeKeys(
    nodes.map((n) => n.properties),
    ['id'],
  ).map((key) => key.name);
  const relationshipKeys = attributeKeys(
    relationships.map((r) => r.properties),
    ['id'],
  ).map((key) => key.name);
  const nodeRows = nodes.map((node) => {
    const properties = visibleProperties(node.properties);
    return [node.id, node.labels.join(';'), ...nodeKeys.map((key) => scalar(properties[key]))];
  });
  const relationshipRows = relationships.map((r) => {
    const properties = visibleProperties(r.properties);
    return [r.id, r.type, r.source, r.target, ...relationshipKeys.map((key) => scalar(properties[key]))];
  });
  const options = { cast: { boolean: (value: boolean) => String(value) } };
  const zip = new JSZip();
  zip.file('nodes.csv', stringify([['id', 'labels', ...nodeKeys], ...nodeRows], options));
  zip.file(
    'relationships.csv',
    stringify([['id', 'type', 'source', 'target', ...relationshipKeys], ...relationshipRows], options),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
