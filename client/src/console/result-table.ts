// The console's Table tab: one row per result row, nodes, relationships and paths as readable chips
// (a node's label colour and caption, a relationship's type, ends and date at its precision, a path
// as its chain) rather than JSON text; lists and maps spelt out.
import { formatDate } from '../../../common/dates/format-date.ts';
import type { DateFields } from '../../../common/dates/iso-date.ts';
import type { CypherResponse, JsonValue } from '../../../common/api.ts';
import { h } from '../dom.ts';
import { labelLook } from '../palette.ts';
import { primaryLabel, typeColor } from '../style.ts';
import { classify, type NodeData, type RelationshipData } from './result-values.ts';
import { ownValue } from '../../../common/own-keys.ts';

type NameOf = (id: string) => string;

function nodeChip(node: NodeData): HTMLElement {
  const kind = primaryLabel(node.labels);
  const chip = h(
    'span',
    { class: 'chip chip-node', title: `${node.id} (${node.labels.join(', ')})`, 'data-id': node.id },
    h('span', { class: 'chip-kind' }, kind),
    String(node.label ?? node.name ?? node.id),
  );
  chip.style.setProperty('--chip', labelLook(kind).color);
  return chip;
}

function relationshipChip(rel: RelationshipData, nameOf: NameOf, showEnds = true): HTMLElement {
  const date = formatDate(rel as DateFields);
  const chip = h(
    'span',
    {
      class: 'chip chip-rel',
      title: [rel.id, typeof rel.summary === 'string' ? rel.summary : ''].filter(Boolean).join('\n'),
      'data-id': rel.id,
    },
    showEnds ? `${nameOf(rel.source)} ` : null,
    h('span', { class: 'chip-type' }, `-[:${rel.type}]->`),
    showEnds ? ` ${nameOf(rel.target)}` : null,
    date ? h('span', { class: 'chip-date' }, date) : null,
  );
  chip.style.setProperty('--chip', typeColor(rel.type));
  return chip;
}

/** A value as chips and text. */
export function valueView(value: JsonValue | undefined, nameOf: NameOf): Node {
  const classified = classify(value);
  switch (classified.kind) {
    case 'null':
      return h('span', { class: 'hint' }, 'null');
    case 'scalar':
      return document.createTextNode(String(classified.value));
    case 'node':
      return nodeChip(classified.value);
    case 'relationship':
      return relationshipChip(classified.value, nameOf);
    case 'path': {
      const { nodes, edges } = classified.value;
      const parts: Node[] = [];
      nodes.forEach((node, i) => {
        parts.push(nodeChip(node));
        const edge = edges[i];
        if (!edge) return;
        const forward = edge.source === node.id;
        const chip = relationshipChip(edge, nameOf, false);
        if (!forward) chip.querySelector('.chip-type')!.textContent = `<-[:${edge.type}]-`;
        parts.push(chip);
      });
      return h('span', { class: 'chip-path' }, ...parts);
    }
    case 'list':
      return h(
        'span',
        { class: 'value-list' },
        '[',
        ...classified.value.flatMap((item, i) => [i > 0 ? ', ' : '', valueView(item, nameOf)]),
        ']',
      );
    case 'map':
      return h(
        'span',
        { class: 'value-map' },
        '{',
        ...Object.entries(classified.value).flatMap(([key, item], i) => [
          i > 0 ? ', ' : '',
          h('span', { class: 'value-key' }, `${key}: `),
          valueView(item, nameOf),
        ]),
        '}',
      );
  }
}

export function resultTable(response: CypherResponse): HTMLElement {
  if (response.columns.length === 0) return h('p', { class: 'hint' }, 'No columns.');
  const names = new Map(response.elements.nodes.map((node) => [node.data.id, node.data.label]));
  const nameOf = (id: string) => names.get(id) ?? id;
  return h(
    'table',
    { id: 'cypher-table' },
    h('thead', {}, h('tr', {}, ...response.columns.map((column) => h('th', { scope: 'col' }, column)))),
    h(
      'tbody',
      {},
      ...response.rows.map((row) =>
        h('tr', {}, ...response.columns.map((column) => h('td', {}, valueView(ownValue(row, column), nameOf)))),
      ),
    ),
  );
}
