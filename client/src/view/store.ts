// The store that owns the view state: changes go through pure update functions, subscribers are
// told after each change, and recorded changes can be undone and redone.
import { emptyHistory, nextRedo, nextUndo, record, redo, undo, type History } from './history.ts';
import { emptyView, type ViewState } from './view-state.ts';

export type Listener = (state: ViewState, previous: ViewState) => void;

export class ViewStore {
  private current: ViewState;
  private history: History<ViewState> = emptyHistory();
  private readonly listeners: Listener[] = [];

  constructor(initial: ViewState = emptyView) {
    this.current = initial;
  }

  get state(): ViewState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => void this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  /**
   * Applies an update. With a label it is a step undo can take back; without one (positions after
   * a layout, the selection) it changes the current state only. Returns whether anything changed.
   */
  update(label: string | null, change: (state: ViewState) => ViewState): boolean {
    const before = this.current;
    const next = change(before);
    if (next === before) return false;
    if (label !== null) this.history = record(this.history, label, before);
    this.set(next, before);
    return true;
  }

  undo(): string | undefined {
    const result = undo(this.history, this.current);
    if (!result) return undefined;
    this.history = result.history;
    this.set(result.state, this.current);
    return result.label;
  }

  redo(): string | undefined {
    const result = redo(this.history, this.current);
    if (!result) return undefined;
    this.history = result.history;
    this.set(result.state, this.current);
    return result.label;
  }

  nextUndo(): string | undefined {
    return nextUndo(this.history);
  }

  nextRedo(): string | undefined {
    return nextRedo(this.history);
  }

  private set(next: ViewState, previous: ViewState): void {
    this.current = next;
    for (const listener of [...this.listeners]) listener(next, previous);
  }
}
