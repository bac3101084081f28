// The inspector: the selected element's details. For a relationship: its date at its precision,
// summary, verbatim quote (and the context passage that names what the quote only refers to) and
// the source articles (title, publisher, date), looked up from the API; a source opens in the
// reader. For two nodes (or parallel relationships between them): the story between them.
import type { EdgeElement, JsonValue, NodeElement, NodeResponse } from '../../common/api.ts';
import { api, errorMessage, isNotFound } from './api.ts';
import { internalKeys } from './canvas.ts';
import { h, nodes as present } from './dom.ts';
import { hitBadge } from './search.ts';
import { typeColor } from './style.ts';
import { formatDate } from '../../common/dates/format-date.ts';
import { precisionOf } from '../../common/dates/iso-date.ts';
import { publishedText } from './evidence/source-date.ts';
import { showStory, type StoryActions } from './evidence/story.ts';
import { storyPair } from './evidence/story-pair.ts';
import type { Scene } from './view/scene.ts';

export interface PanelActions {
  expand(ids: string[]): void;
  loadMore(id: string, type: string): void;
  omittedFor(id: string): { type: string; omitted: number }[];
  hide(ids: string[]): void;
  togglePin(ids: string[]): void;
  remove(ids: string[]): void;
  isPinned(id: string): boolean;
  pathEnd(role: 'from' | 'to', id: string, name: string): void;
  select(id: string): void;
  /** Selects several elements (the two ends of a relationship, for their story). */
  selectAll(ids: string[]): void;
  /** Opens a source in the reader, at the quote of `relationshipId`. */
  readSource(sourceId: string, relationshipId: string): void;
  /** What the story between two nodes needs. */
  story: StoryActions;
}

const shownFirst = ['date', 'dateEnd', 'datePrecision', 'summary', 'quote', 'context', 'sources'];

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((item) => formatValue(item)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Dates shown at their precision: an Event's date (with its end and precision), a Source's
 * publication, the day a Person's role is given as of.
 */
function datedProperties(data: Record<string, unknown>): [string, string][] {
  const shown: [string, string][] = [];
  if (typeof data.date === 'string') shown.push(['date', formatDate(data)]);
  if (typeof data.published === 'string') shown.push(['published', publishedText(data)]);
  if (typeof data.roleAsOf === 'string') shown.push(['roleAsOf', formatDate({ date: data.roleAsOf })]);
  return shown;
}

const dateKeys = new Set(['date', 'dateEnd', 'datePrecision', 'published', 'publishedPrecision', 'roleAsOf']);

function propertyList(data: Record<string, unknown>, skip: Set<string>): HTMLElement {
  const list = h('dl', { class: 'props' });
  const dated = datedProperties(data);
  const entries: [string, unknown][] = [
    ...Object.entries(data).filter(([key]) => !(dated.length > 0 && dateKeys.has(key))),
    ...dated.filter(([key]) => !skip.has(key)),
  ];
  for (const [key, value] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (skip.has(key) || internalKeys.has(key)) continue;
    list.append(h('dt', {}, key), h('dd', {}, formatValue(value)));
  }
  return list;
}

const sourceCache = new Map<string, Promise<NodeResponse | null>>();

function sourceNode(id: string): Promise<NodeResponse | null> {
  let pending = sourceCache.get(id);
  if (!pending) {
    pending = api.node(id).catch((error: unknown) => {
      sourceCache.delete(id);
      if (isNotFound(error)) return null;
      throw error;
    });
    sourceCache.set(id, pending);
  }
  return pending;
}

export class Inspector {
  private token = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: PanelActions,
  ) {}

  /** Shows the selected elements (those drawn in the scene). */
  show(ids: readonly string[], scene: Scene): void {
    const mine = ++this.token;
    const nodeById = new Map(scene.nodes.map((node) => [node.data.id, node]));
    const edgeById = new Map(scene.edges.map((edge) => [edge.data.id, edge]));
    const nodes = ids.flatMap((id) => (nodeById.has(id) ? [nodeById.get(id)!] : []));
    const edges = ids.flatMap((id) => (edgeById.has(id) ? [edgeById.get(id)!] : []));
    if (nodes.length + edges.length === 0) {
      this.root.replaceChildren(
        h(
          'p',
          { class: 'hint' },
          'Select a node or a relationship to see its details. Double-click a node to expand it.',
        ),
        h(
          'p',
          { class: 'hint' },
          'Keys: / search · E expand · H hide · P pin · Del remove · Ctrl+Z / Ctrl+Shift+Z undo/redo · F fit · N / arrows move between nodes. Right-click for a menu.',
        ),
      );
      return;
    }
    if (nodes.length === 1 && edges.length === 0) {
      this.showNode(nodes[0]!, scene, mine);
      return;
    }
    if (edges.length === 1 && nodes.length === 0) {
      this.showEdge(edges[0]!, nodeById, mine);
      return;
    }
    const pair = storyPair(ids, scene);
    if (pair) {
      const name = (id: string) => nodeById.get(id)?.data.label ?? id;
      const story = h('div', { class: 'story-box', id: 'inspect-story' });
      this.root.replaceChildren(
        h('h3', {}, `${name(pair[0])} and ${name(pair[1])}`),
        this.selectionActions(
          nodes.map((node) => node.data.id),
          edges.map((edge) => edge.data.id),
        ),
        h('h4', {}, 'The story between them'),
        story,
      );
      void showStory(story, pair, this.actions.story, () => mine === this.token);
      return;
    }
    this.root.replaceChildren(
      h('h3', {}, `${nodes.length} nodes, ${edges.length} relationships selected`),
      this.selectionActions(
        nodes.map((node) => node.data.id),
        edges.map((edge) => edge.data.id),
      ),
      h('ul', {}, ...nodes.map((node) => h('li', {}, node.data.label))),
    );
  }

  private selectionActions(nodeIds: string[], edgeIds: string[]): HTMLElement {
    const all = [...nodeIds, ...edgeIds];
    const button = (text: string, onClick: () => void, attributes: Record<string, string> = {}) => {
      const element = h('button', { type: 'button', ...attributes }, text);
      element.addEventListener('click', onClick);
      return element;
    };
    return h(
      'div',
      { class: 'actions' },
      nodeIds.length > 0 ? button('Expand', () => this.actions.expand(nodeIds), { id: 'inspect-expand' }) : null,
      button('Hide', () => this.actions.hide(all)),
      nodeIds.length > 0
        ? button(nodeIds.every((id) => this.actions.isPinned(id)) ? 'Unpin' : 'Pin', () =>
            this.actions.togglePin(nodeIds),
          )
        : null,
      nodeIds.length > 0 ? button('Remove', () => this.actions.remove(all)) : null,
    );
  }

  private showNode(node: NodeElement, scene: Scene, mine: number): void {
    const data = node.data as Record<string, JsonValue>;
    const id = node.data.id;
    const name = String(data.label ?? id);
    const labels = (Array.isArray(data.labels) ? data.labels : []).map(String);
    const more = this.actions.omittedFor(id);
    const pathButtons = h('div', { class: 'actions' });
    for (const role of ['from', 'to'] as const) {
      const button = h('button', { type: 'button' }, role === 'from' ? 'Path from here' : 'Path to here');
      button.addEventListener('click', () => this.actions.pathEnd(role, id, name));
      pathButtons.append(button);
    }
    const degree = h('div', { class: 'degree-box' }, h('p', { class: 'hint' }, 'Loading relationships…'));
    this.root.replaceChildren(
      ...present(
        h('h3', {}, hitBadge({ id, labels }), h('span', { id: 'inspect-title' }, name)),
        h('div', { class: 'kind' }, labels.filter((label) => label !== 'Entity').join(', '), ' · ', h('code', {}, id)),
        this.selectionActions([id], []),
        more.length > 0
          ? h(
              'div',
              { class: 'more', id: 'load-more' },
              h('div', { class: 'hint' }, 'The last expand left out:'),
              ...more.map(({ type, omitted }) => {
                const button = h(
                  'button',
                  { type: 'button', 'data-type': type },
                  `Show ${Math.min(omitted, 50)} more ${type}${omitted > 50 ? ` (of ${omitted})` : ''}`,
                );
                button.addEventListener('click', () => this.actions.loadMore(id, type));
                return button;
              }),
            )
          : null,
        pathButtons,
        propertyList(data, new Set(['id', 'label', 'labels'])),
        h('h4', {}, 'Relationships in the graph'),
        degree,
      ),
    );
    api.node(id).then(
      (response) => {
        if (mine !== this.token) return;
        if (response.degree.length === 0) {
          degree.replaceChildren(h('p', { class: 'hint' }, 'None.'));
          return;
        }
        const inView = new Map<string, number>();
        for (const edge of scene.edges) {
          if (edge.data.source !== id && edge.data.target !== id) continue;
          const key = `${edge.data.type}|${edge.data.source === id ? 'out' : 'in'}`;
          inView.set(key, (inView.get(key) ?? 0) + 1);
        }
        degree.replaceChildren(
          h(
            'table',
            { class: 'degree' },
            h(
              'thead',
              {},
              h('tr', {}, h('th', {}, 'type'), h('th', {}, 'dir'), h('th', {}, 'in view'), h('th', {}, 'total')),
            ),
            h(
              'tbody',
              {},
              ...response.degree.map((entry) =>
                h(
                  'tr',
                  {},
                  h('td', {}, entry.type),
                  h('td', {}, entry.direction === 'out' ? '→' : '←'),
                  h('td', {}, String(inView.get(`${entry.type}|${entry.direction}`) ?? 0)),
                  h('td', {}, String(entry.count)),
                ),
              ),
            ),
          ),
        );
      },
      (error: unknown) => {
        if (mine === this.token)
          degree.replaceChildren(h('p', { class: 'hint' }, `Could not load: ${errorMessage(error)}`));
      },
    );
  }

  /** Selects both ends of a relationship, so the inspector tells the story between them. */
  private storyButton(edge: EdgeElement, nodes: Map<string, NodeElement>): HTMLElement | null {
    const { source, target } = edge.data;
    if (source === target) return null;
    const name = (id: string) => nodes.get(id)?.data.label ?? id;
    const button = h(
      'button',
      { type: 'button', id: 'inspect-story-button', class: 'link story-link' },
      `Everything between ${name(source)} and ${name(target)}, in time order →`,
    );
    button.addEventListener('click', () => this.actions.selectAll([source, target]));
    return h('div', { class: 'actions' }, button);
  }

  private showEdge(edge: EdgeElement, nodes: Map<string, NodeElement>, mine: number): void {
    const data = edge.data as Record<string, JsonValue>;
    const type = String(data.type);
    const badge = h('span', { class: 'type-badge' }, type);
    badge.style.background = typeColor(type);
    const end = (id: string) => {
      const link = h('button', { type: 'button', class: 'link' }, nodes.get(id)?.data.label ?? id);
      link.addEventListener('click', () => this.actions.select(id));
      return link;
    };
    const date = formatDate(data);
    const precision = precisionOf(data.datePrecision);
    const written = [data.date, data.dateEnd].filter((part) => typeof part === 'string').join(' – ');
    const sourceIds = (Array.isArray(data.sources) ? data.sources : []).map(String);
    const sources = h('ul', { class: 'sources', id: 'inspect-sources' });
    for (const sourceId of sourceIds) {
      const item = h('li', { 'data-source': sourceId }, h('span', { class: 'hint' }, `${sourceId} (loading…)`));
      sources.append(item);
      sourceNode(sourceId).then(
        (response) => {
          if (mine !== this.token) return;
          if (!response) {
            item.replaceChildren(h('span', { class: 'hint' }, `${sourceId} (not in the graph)`));
            return;
          }
          const source = response.node.data;
          const url = typeof source.url === 'string' && /^https?:\/\//.test(source.url) ? source.url : null;
          const title = String(source.title ?? source.label ?? sourceId);
          const read = h(
            'button',
            {
              type: 'button',
              class: 'source-read',
              'data-source': sourceId,
              title: 'Read the article beside the graph',
            },
            h('span', { class: 'source-title' }, title),
            h(
              'span',
              { class: 'source-meta' },
              [source.publisher, publishedText(source)].filter((part) => typeof part === 'string' && part).join(' · '),
            ),
            h('span', { class: 'source-open' }, 'Read the article, quotes highlighted →'),
          );
          read.addEventListener('click', () => this.actions.readSource(sourceId, edge.data.id));
          item.replaceChildren(
            ...present(
              read,
              url
                ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, 'original')
                : null,
            ),
          );
        },
        (error: unknown) => {
          if (mine === this.token)
            item.replaceChildren(h('span', { class: 'hint' }, `${sourceId}: ${errorMessage(error)}`));
        },
      );
    }
    this.root.replaceChildren(
      ...present(
        h('h3', {}, badge),
        h(
          'div',
          { class: 'ends' },
          end(edge.data.source),
          h('span', { 'aria-label': 'to' }, '→'),
          end(edge.data.target),
        ),
        h(
          'p',
          {
            class: 'date',
            id: 'inspect-date',
            title: written ? `In the data: ${written}, precision ${precision}` : '',
          },
          h('strong', {}, date || 'undated'),
          date && precision !== 'day' ? h('span', { class: 'hint' }, ` (known to the ${precision})`) : null,
        ),
        typeof data.summary === 'string' ? h('p', { class: 'summary', id: 'inspect-summary' }, data.summary) : null,
        typeof data.quote === 'string' ? h('blockquote', { class: 'quote', id: 'inspect-quote' }, data.quote) : null,
        typeof data.context === 'string'
          ? h(
              'div',
              { class: 'context' },
              h('div', { class: 'hint' }, 'Context, from the same article'),
              h('blockquote', { class: 'quote context', id: 'inspect-context' }, data.context),
            )
          : null,
        sourceIds.length > 0 ? h('h4', {}, sourceIds.length === 1 ? 'Source' : 'Sources') : null,
        sourceIds.length > 0 ? sources : null,
        this.selectionActions([], [edge.data.id]),
        this.storyButton(edge, nodes),
        propertyList(data, new Set(['id', 'source', 'target', 'type', ...shownFirst])),
        h('div', { class: 'hint' }, h('code', {}, String(data.id))),
      ),
    );
  }
}
