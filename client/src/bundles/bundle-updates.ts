// Pure updates of the bundling choice (see updates.ts for the rule: a state in, the next out).
import type { ViewState } from '../view/view-state.ts';
import { isUnfolded, samePair, type NodePair } from './bundle-choice.ts';

export function setBundling(state: ViewState, on: boolean): ViewState {
  return state.bundling.on === on ? state : { ...state, bundling: { ...state.bundling, on } };
}

/** Draws every relationship between the two nodes. */
export function unfold(state: ViewState, pair: NodePair): ViewState {
  if (isUnfolded(state.bundling, pair)) return state;
  return { ...state, bundling: { ...state.bundling, unfolded: [...state.bundling.unfolded, pair] } };
}

/** Bundles the pair's relationships again. */
export function fold(state: ViewState, pair: NodePair): ViewState {
  if (!isUnfolded(state.bundling, pair)) return state;
  return {
    ...state,
    bundling: { ...state.bundling, unfolded: state.bundling.unfolded.filter((other) => !samePair(other, pair)) },
  };
}
