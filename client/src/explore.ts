// Exploring: the view-changing actions (add, expand, load more, hide, pin, remove, replace),
// each recorded for undo, plus the per-node "left out by the limit" counts from the API.
import type { NodeSingular, Position } from 'cytoscape';
import type { Elements, GraphResponse } from '../../common/api.ts';
import { api } from './api.ts';
import type { AnyCollection, Canvas } from './canvas.ts';
import { History } from './history.ts';
import { runLayout, type LayoutName } from './layout.ts';

/** How many relationships one expand fetches; the rest are offered per type ("show N more"). */
export const expandLimit = 25;
/** How many more one "show more" click loads. */
export const moreStep = 50;

export class Explorer {
  readonly history: History;
  layout: LayoutName = 'fcose';
  /** nodeId -> type -> how many relationships match in all, for the types an expand cut short. */
  readonly omitted = new Map<string, Map<string, number>>();
  private readonly listeners: (() => void)[] = [];

  constructor(readonly canvas: Canvas) {
    this.history = new History(canvas);
    this.history.onChange(() => this.changed());
  }

  get cy() {
    return this.canvas.cy;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Tells the panels (filters, counts, permalink, inspector) that the view changed. */
  changed(): void {
    this.canvas.checkScale();
    for (const listener of this.listeners) listener();
  }

  relayout(incremental = false): Promise<void> {
    return runLayout(this.cy, this.layout, incremental, this.canvas.isLarge);
  }

  private flash(ids: string[]): void {
    const added = this.cy.collection();
    for (const id of ids) added.merge(this.cy.getElementById(id));
    added.addClass('fresh');
    setTimeout(() => added.removeClass('fresh'), 1600);
  }

  /** Merges elements into the view as one undoable step; returns what was new. */
  async merge(
    label: string,
    elements: Elements,
    near?: Position,
  ): Promise<{ addedNodes: string[]; addedEdges: string[] }> {
    this.history.record(label);
    const result = this.canvas.add(elements, near);
    if (result.addedNodes.length === 0 && result.addedEdges.length === 0) {
      this.history.discard();
      return result;
    }
    this.flash(result.addedNodes);
    this.changed();
    await this.relayout(this.cy.nodes().length > result.addedNodes.length);
    return result;
  }

  /** Replaces the whole view as one undoable step. */
  async replace(label: string, elements: Elements): Promise<void> {
    this.history.record(label);
    this.canvas.clear();
    this.omitted.clear();
    this.canvas.add(elements);
    this.changed();
    await this.relayout(false);
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

  /** Adds one node (from search), with the relationships it has to nodes already shown. */
  async addNode(id: string): Promise<boolean> {
    const existing = this.cy.getElementById(id);
    if (existing.nonempty()) {
      existing.removeClass('hidden');
      return false;
    }
    const result = await api.neighborhood({ ids: [id], depth: 1, limit: 2000 });
    const inView = new Set(this.canvas.nodeIds());
    inView.add(id);
    const elements: Elements = {
      nodes: result.elements.nodes.filter((node) => node.data.id === id),
      edges: result.elements.edges.filter((edge) => inView.has(edge.data.source) && inView.has(edge.data.target)),
    };
    await this.merge(`add ${id}`, elements, this.cy.extent() ? centerOf(this.cy.extent()) : undefined);
    return true;
  }

  /** Expands nodes: their direct neighbours, up to the expand limit. */
  async expand(
    ids: string[],
    options: { types?: string[]; limit?: number } = {},
  ): Promise<{ added: number; omitted: number }> {
    if (ids.length === 0) return { added: 0, omitted: 0 };
    const result = await api.neighborhood({
      ids,
      depth: 1,
      limit: options.limit ?? expandLimit * ids.length,
      ...(options.types ? { types: options.types } : {}),
    });
    this.noteOmitted(ids, result);
    const near = ids.length === 1 ? this.cy.getElementById(ids[0]!).position() : undefined;
    const label = options.types ? `more ${options.types.join(', ')} of ${ids.join(', ')}` : `expand ${ids.join(', ')}`;
    const { addedNodes, addedEdges } = await this.merge(label, result.elements, near);
    this.changed();
    const omitted = ids.reduce(
      (sum, id) => sum + this.omittedFor(id).reduce((total, entry) => total + entry.omitted, 0),
      0,
    );
    return { added: addedNodes.length + addedEdges.length, omitted };
  }

  /** Loads more relationships of one type around a node (after an expand was cut by the limit). */
  loadMore(id: string, type: string): Promise<{ added: number; omitted: number }> {
    const inView = this.cy
      .getElementById(id)
      .connectedEdges()
      .filter((edge) => edge.data('type') === type).length;
    return this.expand([id], { types: [type], limit: inView + moreStep });
  }

  /** Relationships of each type around a node that match but are not in the view (after an expand). */
  omittedFor(id: string): { type: string; omitted: number }[] {
    const totals = this.omitted.get(id);
    if (!totals) return [];
    const node = this.cy.getElementById(id);
    return [...totals]
      .map(([type, total]) => ({
        type,
        omitted: total - node.connectedEdges().filter((edge) => edge.data('type') === type).length,
      }))
      .filter((entry) => entry.omitted > 0)
      .sort((a, b) => b.omitted - a.omitted || a.type.localeCompare(b.type));
  }

  hide(elements: AnyCollection): void {
    if (elements.empty()) return;
    this.history.record('hide');
    elements.addClass('hidden').unselect();
    this.changed();
  }

  showHidden(): void {
    const hidden = this.cy.elements('.hidden');
    if (hidden.empty()) return;
    this.history.record('show hidden');
    hidden.removeClass('hidden');
    this.changed();
  }

  /** Pins the nodes when any is loose, otherwise unpins them all. */
  togglePin(nodes: AnyCollection): void {
    const selected = nodes.nodes();
    if (selected.empty()) return;
    const pin = selected.filter((node) => !node.hasClass('pinned')).nonempty();
    this.history.record(pin ? 'pin' : 'unpin');
    selected.forEach((node: NodeSingular) => this.canvas.setPinned(node, pin));
    this.changed();
  }

  remove(elements: AnyCollection): void {
    if (elements.empty()) return;
    this.history.record('remove');
    for (const node of elements.nodes().map((n) => n.id())) this.omitted.delete(node);
    elements.remove();
    this.changed();
  }

  undo(): string | undefined {
    return this.history.undo();
  }

  redo(): string | undefined {
    return this.history.redo();
  }
}

function centerOf(extent: { x1: number; x2: number; y1: number; y2: number }): Position {
  return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
}
