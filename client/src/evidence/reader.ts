// The reader: a source's article beside the graph, with every quote the graph takes from it
// highlighted where it sits (the API's offsets). A highlight shows whether its relationships are
// drawn, in view but filtered out, or not in view; clicking it selects its relationship in the
// view, adding it (and its ends) when needed, and "add all" puts every claim of the source in the
// view. It changes the view only through its callbacks. The caller gives the root element.
import type { EdgeElement, Elements, SourceResponse } from '../../../common/api.ts';
import { api, errorMessage } from '../api.ts';
import { h, nodes as present } from '../dom.ts';
import type { Scene } from '../view/scene.ts';
import { quoteRuns } from './quote-segments.ts';
import { relationshipHead } from './relationship-item.ts';
import { publishedText } from './source-date.ts';
import './evidence.css';

export interface ReaderActions {
  /** Puts these relationships (with their ends) in the view and selects `select`. */
  reveal(label: string, elements: Elements, select?: string[]): Promise<void>;
  /** The reader opened or closed (the page makes room for it). */
  opened(open: boolean): void;
}

interface Loaded {
  sourceId: string;
  response: SourceResponse;
  claims: Elements;
  truncated: boolean;
}

export class Reader {
  private loaded: Loaded | null = null;
  private token = 0;
  private scene: Scene | null = null;
  private selection: readonly string[] = [];
  private readonly body: HTMLElement;
  private readonly info: HTMLElement;
  private readonly choice: HTMLElement;
  private readonly title: HTMLElement;
  /** The highlight the choice of relationships belongs to. */
  private anchor: HTMLElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: ReaderActions,
  ) {
    this.title = h('h2', { id: 'reader-title', class: 'reader-title' }, 'Source');
    const close = h(
      'button',
      { type: 'button', id: 'reader-close', class: 'reader-close', title: 'Close the reader' },
      '×',
    );
    close.setAttribute('aria-label', 'Close the reader');
    close.addEventListener('click', () => this.close());
    this.info = h('div', { class: 'reader-info' });
    this.body = h('div', { class: 'reader-body', id: 'reader-body' });
    this.choice = h('div', { class: 'reader-choice', id: 'reader-choice', role: 'menu', hidden: true });
    root.setAttribute('aria-labelledby', 'reader-title');
    root.append(h('header', { class: 'reader-head' }, this.title, close), this.info, this.body, this.choice);
    root.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      if (!this.choice.hidden) this.closeChoice();
      else this.close();
    });
    this.body.addEventListener('scroll', () => this.placeChoice());
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  get sourceId(): string | null {
    return this.isOpen ? (this.loaded?.sourceId ?? null) : null;
  }

  /** Opens a source; with `relationshipId`, scrolls to that relationship's quote. */
  async open(sourceId: string, relationshipId?: string): Promise<void> {
    const mine = ++this.token;
    this.root.hidden = false;
    this.actions.opened(true);
    this.closeChoice();
    if (this.loaded?.sourceId !== sourceId) {
      this.loaded = null;
      this.title.textContent = sourceId;
      this.info.replaceChildren();
      this.body.replaceChildren(h('p', { class: 'hint' }, 'Loading the article…'));
      try {
        const [response, claims] = await Promise.all([api.source(sourceId), api.claims(sourceId)]);
        if (mine !== this.token) return;
        this.loaded = { sourceId, response, claims: claims.elements, truncated: claims.meta.truncated };
      } catch (error) {
        if (mine !== this.token) return;
        this.body.replaceChildren(
          h('p', { class: 'hint', role: 'alert' }, `Could not load ${sourceId}: ${errorMessage(error)}`),
        );
        return;
      }
      this.draw();
    }
    this.mark();
    this.root.querySelector<HTMLElement>('#reader-close')?.focus({ preventScroll: true });
    if (relationshipId) this.scrollTo(relationshipId);
  }

  close(): void {
    if (!this.isOpen) return;
    this.token++;
    this.closeChoice();
    this.root.hidden = true;
    this.actions.opened(false);
  }

  /** Follows the view: which quotes' relationships are drawn, filtered out, not in view, selected. */
  render(scene: Scene, selection: readonly string[]): void {
    this.scene = scene;
    this.selection = selection;
    if (this.isOpen) this.mark();
  }

  private nameOf = (id: string): string =>
    this.loaded?.claims.nodes.find((node) => node.data.id === id)?.data.label ??
    this.scene?.nodes.find((node) => node.data.id === id)?.data.label ??
    id;

  private edge(id: string): EdgeElement | undefined {
    return this.loaded?.claims.edges.find((edge) => edge.data.id === id);
  }

  private draw(): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const { source, text, quotes } = loaded.response;
    const data = source.data;
    this.title.textContent = String(data.title ?? data.label ?? loaded.sourceId);
    const url = typeof data.url === 'string' && /^https?:\/\//.test(data.url) ? data.url : null;
    const meta = h(
      'p',
      { class: 'reader-meta' },
      [data.publisher, publishedText(data)].filter((part) => typeof part === 'string' && part).join(' · '),
      url ? ' · ' : null,
      url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'original') : null,
    );
    if (typeof data.publishedNote === 'string') meta.title = data.publishedNote;
    const claimCount = loaded.claims.edges.length;
    const addAll = h(
      'button',
      { type: 'button', id: 'reader-add-all', class: 'primary', disabled: claimCount === 0 },
      `Add all ${claimCount} claims to the view`,
    );
    addAll.addEventListener(
      'click',
      () => void this.actions.reveal(`add the claims of ${loaded.sourceId}`, loaded.claims),
    );
    const tools = h(
      'div',
      { class: 'reader-tools' },
      addAll,
      h('span', { class: 'hint', id: 'reader-counts' }),
      loaded.truncated
        ? h('span', { class: 'hint' }, '(the first claims only: the source is cited more than the limit)')
        : null,
    );
    const key = h(
      'div',
      { class: 'reader-key', 'aria-hidden': 'true' },
      h('mark', { class: 'q q-drawn' }, 'drawn'),
      h('mark', { class: 'q q-filtered' }, 'in view, filtered out'),
      h('mark', { class: 'q q-out' }, 'not in view'),
      h('span', { class: 'hint' }, 'click a quote to select its relationship'),
    );
    const article = h('article', { class: 'reader-text', id: 'reader-text' });
    if (text === null) article.append(h('p', { class: 'hint' }, 'The data set holds no article text for this source.'));
    else
      for (const run of quoteRuns(text.length, quotes)) {
        const part = text.slice(run.start, run.end);
        if (run.ids.length === 0) {
          article.append(part);
          continue;
        }
        const mark = h('mark', { class: 'q', tabindex: '0', role: 'button', 'data-ids': run.ids.join(' ') }, part);
        mark.setAttribute(
          'aria-label',
          run.ids.length === 1 ? `Quote: select ${run.ids[0]}` : `Quote of ${run.ids.length} relationships: choose one`,
        );
        mark.addEventListener('click', () => this.pick(mark));
        mark.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            this.pick(mark);
          }
        });
        article.append(mark);
      }
    this.info.replaceChildren(...present(meta, tools, key));
    this.body.replaceChildren(article);
    this.body.scrollTop = 0;
  }

  /** Each highlight's state from the view; the counts line. */
  private mark(): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const scene = this.scene;
    const inView = new Set(scene?.edges.map((edge) => edge.data.id) ?? []);
    const selected = new Set(this.selection);
    const quoted = new Set(loaded.response.quotes.map((quote) => quote.relationshipId));
    for (const mark of this.body.querySelectorAll<HTMLElement>('mark.q[data-ids]')) {
      const ids = (mark.dataset.ids ?? '').split(' ');
      const drawn = ids.some((id) => scene?.drawn.has(id));
      const some = ids.some((id) => inView.has(id));
      mark.className = [
        'q',
        drawn ? 'q-drawn' : some ? 'q-filtered' : 'q-out',
        ids.length > 1 ? 'q-many' : '',
        ids.some((id) => selected.has(id)) ? 'q-selected' : '',
      ]
        .filter(Boolean)
        .join(' ');
    }
    const claims = loaded.claims.edges.map((edge) => edge.data.id);
    const drawn = claims.filter((id) => scene?.drawn.has(id)).length;
    const viewed = claims.filter((id) => inView.has(id)).length;
    const counts = this.info.querySelector('#reader-counts');
    if (counts)
      counts.textContent =
        `${claims.length} claims, ${quoted.size} quoted here: ${drawn} drawn` +
        (viewed > drawn ? `, ${viewed - drawn} filtered out` : '') +
        `, ${claims.length - viewed} not in view`;
    const addAll = this.info.querySelector<HTMLButtonElement>('#reader-add-all');
    if (addAll) addAll.disabled = claims.length === 0 || viewed === claims.length;
  }

  private scrollTo(relationshipId: string): void {
    const mark = [...this.body.querySelectorAll<HTMLElement>('mark.q[data-ids]')].find((candidate) =>
      (candidate.dataset.ids ?? '').split(' ').includes(relationshipId),
    );
    if (!mark) return;
    mark.scrollIntoView({ block: 'center' });
    mark.classList.add('q-flash');
    setTimeout(() => mark.classList.remove('q-flash'), 1600);
  }

  /** A highlight was chosen: one relationship is selected at once; several are offered to choose from. */
  private pick(mark: HTMLElement): void {
    const ids = (mark.dataset.ids ?? '').split(' ').filter(Boolean);
    if (ids.length === 1) {
      this.select(ids[0]!);
      return;
    }
    const edges = ids.flatMap((id) => {
      const edge = this.edge(id);
      return edge ? [edge] : [];
    });
    const item = (edge: EdgeElement) => {
      const button = h(
        'button',
        { type: 'button', role: 'menuitem', 'data-id': edge.data.id },
        relationshipHead(edge, this.nameOf),
        typeof edge.data.summary === 'string' ? h('span', { class: 'rel-summary' }, edge.data.summary) : null,
      );
      button.addEventListener('click', () => this.select(edge.data.id));
      return button;
    };
    const all = h('button', { type: 'button', role: 'menuitem', class: 'choice-all' }, `Select all ${edges.length}`);
    all.addEventListener('click', () => {
      this.closeChoice();
      void this.actions.reveal(`show ${edges.length} claims`, this.withEnds(edges), ids);
    });
    this.choice.replaceChildren(
      h('p', { class: 'hint' }, `This passage supports ${edges.length} relationships:`),
      ...edges.map(item),
      all,
    );
    this.choice.hidden = false;
    this.anchor = mark;
    this.placeChoice();
    this.choice.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  }

  /** Keeps the choice under its highlight as the article scrolls; closes it when the highlight leaves the view. */
  private placeChoice(): void {
    if (!this.anchor || this.choice.hidden) return;
    const root = this.root.getBoundingClientRect();
    const body = this.body.getBoundingClientRect();
    const at = this.anchor.getBoundingClientRect();
    if (at.bottom < body.top || at.top > body.bottom) {
      this.closeChoice();
      return;
    }
    this.choice.style.top = `${at.bottom - root.top + 4}px`;
  }

  private closeChoice(): void {
    this.choice.hidden = true;
    this.anchor = null;
  }

  private withEnds(edges: EdgeElement[]): Elements {
    const ends = new Set(edges.flatMap((edge) => [edge.data.source, edge.data.target]));
    return { nodes: (this.loaded?.claims.nodes ?? []).filter((node) => ends.has(node.data.id)), edges };
  }

  private select(id: string): void {
    this.closeChoice();
    const edge = this.edge(id);
    if (edge) void this.actions.reveal(`show ${id}`, this.withEnds([edge]), [id]);
  }
}
