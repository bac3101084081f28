import { describe, expect, it, vi } from 'vitest';
import { ViewStore } from '../../../client/src/view/store.ts';
import { addNodes } from '../../../client/src/view/updates.ts';
import { emptyView } from '../../../client/src/view/view-state.ts';

const add =
  (...ids: string[]) =>
  (state: typeof emptyView) =>
    addNodes(state, ids);
const nodesOf = (store: ViewStore) => [...store.state.nodes];

describe('ViewStore', () => {
  it('when made without a state, it holds the empty view', () => {
    expect(new ViewStore().state).toBe(emptyView);
  });

  it('when an update changes the state, the store holds the new state and says it changed', () => {
    const store = new ViewStore();
    expect(store.update('Add', add('a'))).toBe(true);
    expect(nodesOf(store)).toEqual(['a']);
  });

  it('when an update returns the same state, nothing changes and no subscriber is told', () => {
    const store = new ViewStore();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.update('Nothing', (state) => state)).toBe(false);
    expect(listener).not.toHaveBeenCalled();
    expect(store.nextUndo()).toBeUndefined();
  });

  it('when the state changes, each subscriber is told the new and the previous state', () => {
    const store = new ViewStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.update('Add', add('a'));
    expect(listener).toHaveBeenCalledWith(store.state, emptyView);
  });

  it('when a subscriber unsubscribes, it is no longer told', () => {
    const store = new ViewStore();
    const listener = vi.fn();
    store.subscribe(listener)();
    store.update('Add', add('a'));
    expect(listener).not.toHaveBeenCalled();
  });

  it('when a subscriber unsubscribes while being told, the others are still told', () => {
    const store = new ViewStore();
    const second = vi.fn();
    const stop = store.subscribe(() => stop());
    store.subscribe(second);
    store.update('Add', add('a'));
    expect(second).toHaveBeenCalledOnce();
  });

  it('when a labelled update is undone, the state before it comes back and the label is returned', () => {
    const store = new ViewStore();
    store.update('Add a', add('a'));
    store.update('Add b', add('b'));
    expect(store.undo()).toBe('Add b');
    expect(nodesOf(store)).toEqual(['a']);
  });

  it('when an undone update is redone, its state comes back', () => {
    const store = new ViewStore();
    store.update('Add a', add('a'));
    store.undo();
    expect(store.redo()).toBe('Add a');
    expect(nodesOf(store)).toEqual(['a']);
  });

  it('when an update has no label, undo cannot take it back alone', () => {
    const store = new ViewStore();
    store.update('Add a', add('a'));
    store.update(null, add('b'));
    expect(store.nextUndo()).toBe('Add a');
    store.undo();
    expect(nodesOf(store)).toEqual([]);
  });

  it('when there is nothing to undo or redo, they return undefined and change nothing', () => {
    const store = new ViewStore();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.undo()).toBeUndefined();
    expect(store.redo()).toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });

  it('when an update is undone, nextRedo names it and nextUndo the one before', () => {
    const store = new ViewStore();
    store.update('Add a', add('a'));
    store.update('Add b', add('b'));
    store.undo();
    expect(store.nextRedo()).toBe('Add b');
    expect(store.nextUndo()).toBe('Add a');
  });
});
