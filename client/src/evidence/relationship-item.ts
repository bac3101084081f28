// One relationship as the evidence panels list it: its date at its precision, its type in its
// colour, and its ends by name ("May 2024 · VISITED · Xi Jinping → Russia").
import { formatDate } from '../../../common/dates/format-date.ts';
import type { DateFields } from '../../../common/dates/iso-date.ts';
import type { EdgeElement } from '../../../common/api.ts';
import { h } from '../dom.ts';
import { typeLook } from '../palette.ts';

export function typeBadge(type: string): HTMLElement {
  const badge = h('span', { class: 'type-badge' }, type);
  badge.style.background = typeLook(type).color;
  return badge;
}

/** The line that heads a relationship: date, type and ends. */
export function relationshipHead(edge: EdgeElement, nameOf: (id: string) => string): HTMLElement {
  const { data } = edge;
  return h(
    'span',
    { class: 'rel-head' },
    h('span', { class: 'rel-date' }, formatDate(data as DateFields) || 'undated'),
    typeBadge(data.type),
    h('span', { class: 'rel-ends' }, `${nameOf(data.source)} → ${nameOf(data.target)}`),
  );
}
