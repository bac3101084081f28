// The user's actions with their feedback: each runs an explorer action under the busy indicator
// and says in the status line what it did, what it left out and what failed.
import { download } from './dom.ts';
import { expandLimit, type Explorer } from './explorer.ts';
import { isLayoutName } from './layout-names.ts';
import type { Status } from './status.ts';
import { savedStyle } from './style/style-file.ts';
import type { ViewChrome } from './view-chrome.ts';
import { decodeView, encodeView } from './view/permalink.ts';
import { readViewFile, viewFileText } from './view/view-file.ts';
import { emptyView, type ViewState } from './view/view-state.ts';

/** The start view: the five countries the articles are about, and the relations among them. */
export const startNodes = ['country:RUS', 'country:CHN', 'country:UKR', 'country:BLR', 'country:PRK'];

export class Actions {
  constructor(
    private readonly explorer: Explorer,
    private readonly status: Status,
    private readonly chrome: ViewChrome,
  ) {
    window.addEventListener('hashchange', () => {
      if (window.location.hash.slice(1) === this.chrome.written) return;
      void this.openFragment('open link');
    });
  }

  private nameOf(id: string): string {
    return this.explorer.graph.nodes.get(id)?.data.label ?? id;
  }

  async expand(ids: string[]): Promise<void> {
    if (ids.length === 0) {
      this.status.say('Select a node to expand (click it, or search for it).', 'error');
      return;
    }
    try {
      const { added, omitted } = await this.status.withBusy('Expanding', () => this.explorer.expand(ids));
      this.status.say(
        `Expanded ${ids.map((id) => this.nameOf(id)).join(', ')}: ${added} new elements.` +
          (omitted > 0
            ? ` ${omitted} more relationships were left out (limit ${expandLimit}); the inspector offers them per type.`
            : ''),
      );
    } catch (error) {
      this.status.sayError('Expand failed', error);
    }
  }

  async loadMore(id: string, type: string): Promise<void> {
    try {
      const { added, omitted } = await this.status.withBusy(`Loading more ${type}`, () =>
        this.explorer.loadMore(id, type),
      );
      this.status.say(`Loaded ${added} more elements (${type}).${omitted > 0 ? ` ${omitted} still left out.` : ''}`);
    } catch (error) {
      this.status.sayError('Loading more failed', error);
    }
  }

  async addNode(id: string, name: string): Promise<void> {
    try {
      const added = await this.status.withBusy(`Adding ${name}`, () => this.explorer.addNode(id));
      await this.explorer.idle();
      // A view of ordinary size stays wholly in sight, the new node in it; a large one goes to the node.
      const canvas = this.explorer.canvas;
      const node = canvas.cy.getElementById(id);
      if (node.nonempty() && canvas.isLarge) canvas.cy.animate({ center: { eles: node }, duration: 250 });
      else if (node.nonempty()) canvas.fit(40, true);
      this.status.say(
        added ? `Added ${name}. Double-click it (or press E) to expand.` : `${name} is already in view; selected it.`,
      );
    } catch (error) {
      this.status.sayError(`Could not add ${name}`, error);
    }
  }

  remove(ids: string[]): void {
    const { removed, hidden } = this.explorer.remove(ids);
    if (hidden > 0)
      this.status.say(
        `${removed > 0 ? `Removed ${removed} node(s); h` : 'H'}id ${hidden} relationship(s): a relationship stays in the view while both its ends do.`,
      );
  }

  setLayout(name: string): void {
    if (isLayoutName(name)) this.explorer.setLayout(name);
  }

  undo(): void {
    const label = this.explorer.undo();
    this.status.say(label ? `Undid ${label}.` : 'Nothing to undo.');
  }

  redo(): void {
    const label = this.explorer.redo();
    this.status.say(label ? `Redid ${label}.` : 'Nothing to redo.');
  }

  /** Opens a view (a link, a file, the start view), saying which of its nodes the graph no longer has. */
  private async open(label: string | null, target: ViewState, problems: string[], what: string): Promise<void> {
    try {
      const missing = await this.status.withBusy(`Opening ${what}`, () => this.explorer.open(label, target));
      const notes = [...problems];
      if (missing.length > 0)
        notes.push(
          `${missing.length} node(s) of the ${what} are no longer in the graph: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
        );
      if (notes.length > 0) this.status.say(`${notes.join('; ')}.`, 'error');
    } catch (error) {
      this.status.sayError(`Could not open the ${what}`, error);
    }
  }

  startView(): Promise<void> {
    const state = this.explorer.state;
    const target: ViewState = {
      ...emptyView,
      nodes: startNodes,
      layout: { ...state.layout, name: state.layout.name },
      // The style stays; the first view of a page takes the one this browser keeps.
      style: state.nodes.length > 0 ? state.style : (savedStyle() ?? state.style),
      bundling: state.bundling,
    };
    return this.open(state.nodes.length > 0 ? 'start view' : null, target, [], 'start view');
  }

  /** The view in the URL's fragment, or the start view when there is none. */
  async openFragment(label: string | null = null): Promise<void> {
    const read = decodeView(window.location.hash);
    if (!read) return this.startView();
    this.chrome.written = window.location.hash.slice(1);
    // A link without a style of its own opens in the style this browser keeps.
    const state = read.styled ? read.state : { ...read.state, style: savedStyle() ?? read.state.style };
    return this.open(label, state, read.problems, 'link');
  }

  share(): void {
    this.chrome.writeUrl(this.explorer.state);
    const url = new URL(window.location.href);
    url.hash = encodeView(this.explorer.state);
    const link = url.toString();
    if (!navigator.clipboard) this.status.say(`Link to this view: ${link}`);
    else
      navigator.clipboard.writeText(link).then(
        () => this.status.say('Link to this view copied to the clipboard.'),
        () => this.status.say(`Link to this view: ${link}`),
      );
  }

  saveView(): void {
    const state = this.explorer.state;
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
    const name = `kg-view-${state.nodes.length}n-${stamp}.json`;
    download(new Blob([viewFileText(state)], { type: 'application/json' }), name);
    this.status.say(`Saved the view as ${name}.`);
  }

  async openFile(text: string, fileName: string): Promise<void> {
    try {
      const read = readViewFile(text);
      await this.open('open view file', read.state, read.problems, `view file ${fileName}`);
    } catch (error) {
      this.status.sayError(`Could not open ${fileName}`, error);
    }
  }
}
