import { describe, expect, it } from 'vitest';
import { emptyHistory, nextRedo, nextUndo, record, redo, undo } from '../../../client/src/view/history.ts';

describe('undo history', () => {
  it('when nothing was recorded, there is nothing to undo or redo', () => {
    const history = emptyHistory<number>();
    expect(undo(history, 0)).toBeNull();
    expect(redo(history, 0)).toBeNull();
    expect(nextUndo(history)).toBeUndefined();
  });

  it('when a step is undone, gives the state before it and offers to redo it', () => {
    const history = record(emptyHistory<number>(), 'add', 1);
    const undone = undo(history, 2)!;
    expect(undone).toMatchObject({ state: 1, label: 'add' });
    expect(nextRedo(undone.history)).toBe('add');
    expect(redo(undone.history, 1)).toMatchObject({ state: 2, label: 'add' });
  });

  it('when a new step is recorded after an undo, the undone steps cannot be redone', () => {
    const undone = undo(record(emptyHistory<number>(), 'add', 1), 2)!;
    expect(nextRedo(record(undone.history, 'hide', 1))).toBeUndefined();
  });

  it('when past the limit, forgets the oldest steps', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < 5; i++) history = record(history, `step ${i}`, i, 3);
    expect(history.past.map((step) => step.label)).toEqual(['step 2', 'step 3', 'step 4']);
  });

  it('when undone and redone in turn, ends where it started', () => {
    let history = emptyHistory<string>();
    history = record(history, 'one', 'a');
    history = record(history, 'two', 'b');
    let state = 'c';
    for (const move of [undo, undo, redo, redo]) {
      const result = move(history, state)!;
      history = result.history;
      state = result.state;
    }
    expect(state).toBe('c');
    expect(nextUndo(history)).toBe('two');
  });
});
