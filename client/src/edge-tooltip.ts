// A relationship's tooltip on the canvas: its type, ends, date at its precision and summary,
// shown while the pointer rests on it. The caller gives the element it is drawn in, positioned
// over the canvas's container.
import type { Core, EventObject } from 'cytoscape';
import { formatDate } from '../../common/dates/format-date.ts';
import { h } from './dom.ts';

export function attachEdgeTooltip(cy: Core, tip: HTMLElement): void {
  const hide = () => (tip.hidden = true);
  cy.on('mouseover', 'edge', (event: EventObject) => {
    const edge = event.target;
    const name = (id: string) => String(cy.getElementById(id).data('label') ?? id);
    const data = edge.data() as Record<string, unknown>;
    const date = formatDate(data);
    tip.replaceChildren(
      h('strong', {}, String(data.type)),
      ` ${name(String(data.source))} → ${name(String(data.target))}`,
      h('br'),
      date ? h('span', { class: 'edge-tip-date' }, date) : h('span', { class: 'edge-tip-date' }, 'undated'),
      typeof data.summary === 'string' ? ` · ${data.summary}` : '',
    );
    const { x, y } = event.renderedPosition;
    const box = cy.container()?.getBoundingClientRect();
    const width = box?.width ?? 0;
    tip.hidden = false;
    tip.style.left = `${Math.max(4, Math.min(x + 12, width - tip.offsetWidth - 4))}px`;
    tip.style.top = `${Math.max(4, y - tip.offsetHeight - 10)}px`;
  });
  cy.on('mouseout', 'edge', hide);
  cy.on('viewport tapstart remove', hide);
}
