// The story between two nodes: every relationship joining them, either way round, oldest first,
// each with its date at its precision, type, summary, quote and source; a click selects it (shown
// again if hidden). Asked of the API (GET /api/graph/between), so it lists what the graph holds,
// and says which of them the view does not draw and why.
import type { BetweenResponse, EdgeElement, Elements } from '../../../common/api.ts';
import { api, errorMessage } from '../api.ts';
import { h } from '../dom.ts';
import { relationshipHead } from './relationship-item.ts';
import { publishedText } from './source-date.ts';
import './evidence.css';

export interface StoryActions {
  reveal(label: string, elements: Elements, select?: string[]): Promise<void>;
  /** Why a relationship in view is not drawn; null when it is. */
  whyNotDrawn(id: string): string | null;
  /** Whether a relationship is in the view at all. */
  inView(id: string): boolean;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Fills `root` with the story between `a` and `b`; `isCurrent` says whether it is still wanted when the answer comes. */
export async function showStory(
  root: HTMLElement,
  [a, b]: [string, string],
  actions: StoryActions,
  isCurrent: () => boolean,
): Promise<void> {
  root.replaceChildren(h('p', { class: 'hint' }, 'Loading the relationships between them…'));
  let response: BetweenResponse;
  try {
    response = await api.between(a, b);
  } catch (error) {
    if (isCurrent())
      root.replaceChildren(h('p', { class: 'hint', role: 'alert' }, `Could not load: ${errorMessage(error)}`));
    return;
  }
  if (!isCurrent()) return;
  const names = new Map(response.elements.nodes.map((node) => [node.data.id, node.data.label]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const sources = new Map(response.sources.map((source) => [source.data.id, source.data]));
  const edges = response.elements.edges;
  const item = (edge: EdgeElement) => {
    const { data } = edge;
    const why = actions.inView(data.id) ? actions.whyNotDrawn(data.id) : 'not in the view';
    const firstSource = Array.isArray(data.sources) ? String(data.sources[0] ?? '') : '';
    const source = sources.get(firstSource);
    const button = h(
      'button',
      { type: 'button', class: 'story-item', 'data-id': data.id, title: `Select ${data.id}` },
      relationshipHead(edge, nameOf),
      typeof data.summary === 'string' ? h('span', { class: 'rel-summary' }, data.summary) : null,
      typeof data.quote === 'string' ? h('q', { class: 'rel-quote' }, data.quote) : null,
      source
        ? h(
            'span',
            { class: 'rel-source' },
            [source.title ?? source.label, source.publisher, publishedText(source)].filter(Boolean).join(' · '),
          )
        : null,
      why ? h('span', { class: 'rel-why' }, `Not drawn: ${why}.`) : null,
    );
    if (why) button.classList.add('not-drawn');
    button.addEventListener(
      'click',
      () => void actions.reveal(`show ${data.id}`, { nodes: response.elements.nodes, edges: [edge] }, [data.id]),
    );
    return h('li', {}, button);
  };
  root.replaceChildren(
    h(
      'p',
      { class: 'story-head', id: 'story-count' },
      `${plural(response.meta.total, 'relationship')} between ${nameOf(a)} and ${nameOf(b)}, oldest first` +
        (response.meta.truncated ? ` (the first ${edges.length})` : '') +
        '.',
    ),
    edges.length > 0
      ? h('ol', { class: 'story', id: 'story' }, ...edges.map(item))
      : h('p', { class: 'hint' }, 'None.'),
  );
}
