// The explorer's actions: each asks the API for what it needs, brings the loaded graph up to date
// (one subgraph call for the nodes in view) and then changes the view state once, through the
// store, as one undoable step. Rendering follows the state: the canvas, then whatever subscribed
// (legend, status, URL, inspector), then the layout for nodes without a position.
import type { Elements, GraphResponse } from '../../common/api.ts';
import { api } from './api.ts';
import type { Canvas, Gesture } from './canvas.ts';
import { GraphCache } from './graph/graph-cache.ts';
import { Reconciler, type Coverage } from './graph/reconciler.ts';
import { runLayout } from './layout.ts';
import { declutterCaptions } from './overlap/caption-boxes.ts';
import { separateDrawn } from './overlap/separate-drawn.ts';
import type { LayoutName } from './layout-names.ts';
import { isShown, showsAll, type NameFilter } from './view/name-filter.ts';
import { deriveScene, type Scene } from './view/scene.ts';
import { ViewStore } from './view/store.ts';
import * as update from './view/updates.ts';
import type { Point, ViewState } from './view/view-state.ts';

/** How many relationships one expand fetches per node; the rest are offered per type ("show more"). */
export const expandLimit = 25;
/** How many more one "show more" click loads. */
export const moreStep = 50;

export type ViewListener = (scene: Scene, state: ViewState, coverage: Coverage) => void;

export class Explorer {
  readonly store = new ViewStore();
  readonly graph = new GraphCache();
  readonly reconciler = new Reconciler(this.graph, (body) => api.subgraph(body));
  /** nodeId -> type -> how many relationships match in all, for the types an expand cut short. */
  private readonly omitted = new Map<string, Map<string, number>>();
  private readonly listeners: ViewListener[] = [];
  private scene: Scene;
  private knownTypes: string[] = [];
  private knownLabels: string[] = [];
  private work = 0;
  /** The unchecked count and cap last told to the user ('' when none). */
  private toldUnchecked = '';
  private idleWaiters: (() => void)[] = [];
  private layoutChain: Promise<void> = Promise.resolve();
  /** A right click on the canvas (the page opens its menu). */
  onContext: (gesture: Gesture) => void = () => {};
  /** Reports things the user should know (ids gone from the graph, limits). */
  notice: (message: string, kind?: 'info' | 'error') => void = () => {};

  constructor(readonly canvas: Canvas) {
    this.scene = deriveScene(this.store.state, this.graph);
    this.store.subscribe((state) => {
      if (!this.reconciler.covers(state.nodes)) void this.track(this.coverAndRender());
      else this.render();
    });
    canvas.listen({
      selected: (ids) => this.store.update(null, (state) => update.select(state, ids)),
      doubleTap: (id) => {
        if (this.graph.nodes.has(id)) void this.expand([id]);
      },
      context: (gesture) => this.onContext(gesture),
      moved: (positions) => this.store.update('move', (state) => update.setPositions(state, positions)),
    });
  }

  get state(): ViewState {
    return this.store.state;
  }

  get current(): Scene {
    return this.scene;
  }

  onView(listener: ViewListener): void {
    this.listeners.push(listener);
  }

  /** The schema's labels and types: what "all but" filters stand for when the API needs a list. */
  know(labels: string[], types: string[]): void {
    this.knownLabels = labels;
    this.knownTypes = types;
    this.canvas.know(labels, types);
  }

  /** Resolves when no request, render or layout is under way. */
  idle(): Promise<void> {
    if (this.work === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get busy(): boolean {
    return this.work > 0;
  }

  private async track<T>(task: Promise<T>): Promise<T> {
    this.work++;
    try {
      return await task;
    } finally {
      this.work--;
      if (this.work === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async coverAndRender(): Promise<void> {
    try {
      const coverage = await this.cover(this.store.state.nodes);
      if (coverage.missing.length > 0) this.dropMissing(coverage.missing);
    } catch (error) {
      this.notice(`Could not load the relationships among the nodes in view: ${String(error)}`, 'error');
    }
    this.render();
  }

  /** Loads the relationships among the nodes; when the server relates fewer at once, says so once per view size. */
  private async cover(nodes: readonly string[]): Promise<Coverage> {
    const coverage = await this.reconciler.cover(nodes);
    const told = `${coverage.unchecked}/${coverage.maxIds}`;
    if (coverage.unchecked > 0 && told !== this.toldUnchecked) {
      this.notice(
        `This view has ${coverage.unchecked + coverage.maxIds} nodes; the server relates at most ${coverage.maxIds} at once, ` +
          `so relationships are shown among the first ${coverage.maxIds} only. To open that part alone, choose ` +
          `"Keep only the nodes whose relationships are loaded" in the background menu, or remove nodes.`,
      );
    }
    this.toldUnchecked = coverage.unchecked > 0 ? told : '';
    return coverage;
  }

  /** Keeps the nodes whose relationships the server brought (the first it relates at once); the rest leave the view. */
  keepRelated(): void {
    const { maxIds: kept } = this.reconciler.coverage;
    this.remove([...new Set(this.store.state.nodes)].slice(kept));
  }

  /** Nodes the graph no longer has leave the view, and the user is told which. */
  private dropMissing(missing: string[]): void {
    const gone = missing.filter((id) => this.store.state.nodes.includes(id));
    if (gone.length === 0) return;
    this.store.update(null, (state) => update.removeNodes(state, gone));
    const shown = gone.slice(0, 5).join(', ') + (gone.length > 5 ? ` and ${gone.length - 5} more` : '');
    this.notice(`${gone.length} node(s) are no longer in the graph: ${shown}.`, 'error');
  }

  private render(): void {
    const state = this.store.state;
    this.scene = deriveScene(state, this.graph);
    const unplaced = this.canvas.sync(this.scene, state);
    for (const listener of this.listeners) listener(this.scene, state, this.reconciler.coverage);
    if (unplaced.length === 0 && !this.canvas.isLarge && !this.canvas.holdPositions && this.captionsMoved(state))
      declutterCaptions(this.canvas.cy);
    if (unplaced.length > 0 && this.scene.nodes.length > 0) {
      const incremental = state.layout.name === 'fcose' && unplaced.length < this.scene.nodes.length;
      void this.layout(incremental);
    }
  }

  private captionsDrawnFor: readonly unknown[] = [];

  /** Did what decides the captions' places change since they were last decluttered (not just the selection)? */
  private captionsMoved(state: ViewState): boolean {
    const parts = [state.nodes, state.hidden, state.positions, state.filters, state.style, state.bundling];
    const changed = parts.some((part, i) => part !== this.captionsDrawnFor[i]);
    this.captionsDrawnFor = parts;
    return changed;
  }

  /** Runs the view's layout, then records where the nodes ended up (not an undo step of its own). */
  private layout(incremental: boolean): Promise<void> {
    const run = async () => {
      const { name, seed } = this.store.state.layout;
      this.canvas.holdPositions = true;
      try {
        await runLayout(this.canvas.cy, { name, seed, incremental, large: this.canvas.isLarge });
        if (!this.canvas.isLarge && separateDrawn(this.canvas.cy) > 0) this.canvas.fit();
        if (!this.canvas.isLarge) declutterCaptions(this.canvas.cy);
      } finally {
        this.canvas.holdPositions = false;
      }
      this.store.update(null, (state) => update.setPositions(state, this.canvas.positions()));
    };
    this.layoutChain = this.layoutChain.then(run, run);
    return this.track(this.layoutChain);
  }

  /** Loads what the next state needs, then applies it as one step. */
  private async change(label: string | null, next: (state: ViewState) => ViewState, nodes?: string[]): Promise<void> {
    await this.track(
      (async () => {
        if (nodes) {
          const coverage = await this.cover(nodes);
          const missing = new Set(coverage.missing);
          this.store.update(label, (state) => {
            const changed = next(state);
            return missing.size > 0 ? update.removeNodes(changed, [...missing]) : changed;
          });
          if (coverage.missing.length > 0) this.dropMissing(coverage.missing);
        } else this.store.update(label, next);
      })(),
    );
  }

  // ---- actions

  /** Replaces the view with these nodes (the start view, a link, a saved view); the rest of `target` comes along. */
  async open(label: string | null, target: ViewState): Promise<string[]> {
    const coverage = await this.track(this.cover(target.nodes));
    const missing = coverage.missing;
    this.omitted.clear();
    this.store.update(label, () => (missing.length > 0 ? update.removeNodes(target, missing) : target));
    if (Object.keys(target.positions).length > 0) this.canvas.fit();
    return missing;
  }

  /** The filters as the API's lists (undefined: no filter). */
  private apiFilters(): { types?: string[]; labels?: string[]; from?: string; to?: string } {
    const list = (filter: NameFilter, known: string[]) =>
      showsAll(filter) ? undefined : known.filter((name) => isShown(filter, name));
    const { labels, types, dates } = this.store.state.filters;
    const typeList = list(types, this.knownTypes);
    const labelList = list(labels, this.knownLabels);
    return {
      ...(typeList ? { types: typeList } : {}),
      ...(labelList ? { labels: labelList } : {}),
      ...(dates.from ? { from: dates.from } : {}),
      ...(dates.to ? { to: dates.to } : {}),
    };
  }

  /** Adds one node (from search) with every relationship it has to the nodes in view. */
  async addNode(id: string): Promise<boolean> {
    const present = this.store.state.nodes.includes(id);
    await this.change(`add ${id}`, (state) => update.select(update.addNodes(state, [id]), [id]), [
      ...this.store.state.nodes,
      id,
    ]);
    return !present;
  }

  /** Expands nodes along the relationships the filters show: their neighbours, up to the expand limit. */
  async expand(
    ids: string[],
    options: { types?: string[]; limit?: number } = {},
  ): Promise<{ added: number; omitted: number }> {
    if (ids.length === 0) return { added: 0, omitted: 0 };
    const filters = this.apiFilters();
    const types = options.types ?? filters.types;
    if (types && types.length === 0) return { added: 0, omitted: 0 };
    const result = await this.track(
      api.neighborhood({
        ids,
        depth: 1,
        limit: options.limit ?? expandLimit * ids.length,
        ...filters,
        ...(types ? { types } : {}),
      }),
    );
    this.noteOmitted(ids, result);
    this.graph.merge(result.elements);
    const before = new Set(this.store.state.nodes);
    const fresh = result.elements.nodes.map((node) => node.data.id).filter((id) => !before.has(id));
    const label = options.types ? `more ${options.types.join(', ')} of ${ids.join(', ')}` : `expand ${ids.join(', ')}`;
    const edgesBefore = this.scene.edges.length;
    await this.change(fresh.length > 0 ? label : null, (state) => update.addNodes(state, fresh), [
      ...this.store.state.nodes,
      ...fresh,
    ]);
    if (ids.length === 1) this.store.update(null, (state) => update.select(state, ids));
    const omitted = ids.reduce(
      (sum, id) => sum + this.omittedFor(id).reduce((total, entry) => total + entry.omitted, 0),
      0,
    );
    return { added: fresh.length + Math.max(0, this.scene.edges.length - edgesBefore), omitted };
  }

  /** Loads more relationships of one type around a node (after an expand was cut by the limit). */
  loadMore(id: string, type: string): Promise<{ added: number; omitted: number }> {
    const inView = this.scene.edges.filter(
      (edge) => edge.data.type === type && (edge.data.source === id || edge.data.target === id),
    ).length;
    return this.expand([id], { types: [type], limit: inView + moreStep });
  }

  /**
   * Remembers, per expanded node and type, how many relationships match in all (those the response
   * kept plus those it left out), so "show more" can be offered against what the view holds now.
   */
  private noteOmitted(expandedIds: string[], response: GraphResponse): void {
    for (const entry of response.meta.omitted) {
      if (!expandedIds.includes(entry.nodeId)) continue;
      const kept = response.elements.edges.filter(
        (edge) =>
          edge.data.type === entry.type && (edge.data.source === entry.nodeId || edge.data.target === entry.nodeId),
      ).length;
      const perType = this.omitted.get(entry.nodeId) ?? new Map<string, number>();
      perType.set(entry.type, kept + entry.omitted);
      this.omitted.set(entry.nodeId, perType);
    }
  }

  /** Relationships of each type around a node that match but are not in the view (after an expand). */
  omittedFor(id: string): { type: string; omitted: number }[] {
    const totals = this.omitted.get(id);
    if (!totals) return [];
    return [...totals]
      .map(([type, total]) => ({
        type,
        omitted:
          total -
          this.scene.edges.filter(
            (edge) => edge.data.type === type && (edge.data.source === id || edge.data.target === id),
          ).length,
      }))
      .filter((entry) => entry.omitted > 0)
      .sort((a, b) => b.omitted - a.omitted || a.type.localeCompare(b.type));
  }

  /** Merges elements (a path, a query result, a script) into the view as one step; returns the new node ids. */
  async merge(label: string, elements: Elements): Promise<string[]> {
    this.graph.merge(elements);
    const before = new Set(this.store.state.nodes);
    const fresh = elements.nodes.map((node) => node.data.id).filter((id) => !before.has(id));
    for (const id of fresh) if (!before.has(id)) this.reconciler.scripted.delete(id);
    await this.change(fresh.length > 0 ? label : null, (state) => update.addNodes(state, fresh), [
      ...this.store.state.nodes,
      ...fresh,
    ]);
    return fresh;
  }

  /**
   * Puts relationships (given with their ends) in the view as one step: their ends join the view,
   * those the user hid are shown again, and `selection` (when given) is selected. Every other
   * relationship among the nodes comes along, as the view's rule says.
   */
  async reveal(label: string, elements: Elements, selection?: string[]): Promise<void> {
    this.graph.merge(elements);
    const ends = [...new Set(elements.edges.flatMap((edge) => [edge.data.source, edge.data.target]))];
    const ids = elements.edges.map((edge) => edge.data.id);
    await this.change(label, (state) => update.revealRelationships(state, ends, ids, selection), [
      ...this.store.state.nodes,
      ...ends,
    ]);
  }

  /** Replaces the whole view with these elements' nodes, as one step. */
  async replace(label: string, elements: Elements): Promise<void> {
    this.graph.merge(elements);
    this.omitted.clear();
    const ids = elements.nodes.map((node) => node.data.id);
    await this.change(label, (state) => update.replaceNodes(state, ids), ids);
  }

  hide(ids: string[]): void {
    if (ids.length > 0) this.store.update('hide', (state) => update.hide(state, ids));
  }

  showHidden(): void {
    this.store.update('show hidden', update.showHidden);
  }

  togglePin(ids: string[]): void {
    const pin = ids.some((id) => this.store.state.nodes.includes(id) && !this.store.state.pinned.includes(id));
    this.store.update(pin ? 'pin' : 'unpin', (state) => update.togglePin(state, ids));
  }

  /**
   * Takes nodes out of the view. A relationship stays in the view while both its ends do (that is
   * the view's rule), so removing one hides it.
   */
  remove(ids: string[]): { removed: number; hidden: number } {
    const nodes = new Set(this.store.state.nodes);
    const nodeIds = ids.filter((id) => nodes.has(id));
    const edgeIds = ids.filter((id) => !nodes.has(id));
    if (nodeIds.length === 0 && edgeIds.length === 0) return { removed: 0, hidden: 0 };
    for (const id of nodeIds) this.omitted.delete(id);
    this.store.update('remove', (state) => update.hide(update.removeNodes(state, nodeIds), edgeIds));
    return { removed: nodeIds.length, hidden: edgeIds.length };
  }

  select(ids: string[]): void {
    this.store.update(null, (state) => update.select(state, ids));
  }

  setLayout(name: LayoutName): void {
    this.store.update(`layout ${name}`, (state) => update.setLayout(state, name));
  }

  /** Lays the view out again from its seed (the same picture the view started with). */
  relayout(): void {
    if (!this.store.update('re-layout', update.clearPositions)) void this.layout(false);
  }

  /** Another arrangement of the same view. */
  shuffle(): void {
    this.store.update('new arrangement', update.reseed);
  }

  moveTo(positions: Record<string, Point>): void {
    this.store.update(null, (state) => update.setPositions(state, positions));
  }

  undo(): string | undefined {
    return this.store.undo();
  }

  redo(): string | undefined {
    return this.store.redo();
  }
}
