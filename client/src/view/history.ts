// Undo and redo as a pure value: each step keeps its label and the state before it. States are
// immutable and share their unchanged parts, so a whole state per step stays cheap.

export interface Step<S> {
  readonly label: string;
  readonly state: S;
}

export interface History<S> {
  /** Oldest first; the last is undone first. */
  readonly past: readonly Step<S>[];
  /** The steps undone, the last redone first. */
  readonly future: readonly Step<S>[];
}

export const historyLimit = 100;

export function emptyHistory<S>(): History<S> {
  return { past: [], future: [] };
}

/** `label` changed the state from `before`: it can be undone; what was undone cannot be redone any more. */
export function record<S>(history: History<S>, label: string, before: S, limit = historyLimit): History<S> {
  return { past: [...history.past, { label, state: before }].slice(-limit), future: [] };
}

/** The state before the last step, and the history with that step ready to redo; null when there is none. */
export function undo<S>(history: History<S>, current: S): { history: History<S>; state: S; label: string } | null {
  const step = history.past.at(-1);
  if (!step) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, { label: step.label, state: current }] },
    state: step.state,
    label: step.label,
  };
}

/** The state after the last undone step; null when nothing was undone. */
export function redo<S>(history: History<S>, current: S): { history: History<S>; state: S; label: string } | null {
  const step = history.future.at(-1);
  if (!step) return null;
  return {
    history: { past: [...history.past, { label: step.label, state: current }], future: history.future.slice(0, -1) },
    state: step.state,
    label: step.label,
  };
}

/** The label of the step undo would undo. */
export function nextUndo<S>(history: History<S>): string | undefined {
  return history.past.at(-1)?.label;
}

export function nextRedo<S>(history: History<S>): string | undefined {
  return history.future.at(-1)?.label;
}
