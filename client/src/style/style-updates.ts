// Pure updates of the view's style (see updates.ts for the rule: a state in, the next out).
import type { ViewState } from '../view/view-state.ts';
import type { CaptionKeys, ColorRule, SizeRule, ViewStyle } from './view-style.ts';

const withStyle = (state: ViewState, style: ViewStyle): ViewState =>
  JSON.stringify(style) === JSON.stringify(state.style) ? state : { ...state, style };

export function setStyle(state: ViewState, style: ViewStyle): ViewState {
  return withStyle(state, style);
}

export function setNodeCaption(state: ViewState, label: string, keys: CaptionKeys): ViewState {
  return withStyle(state, { ...state.style, nodeCaptions: { ...state.style.nodeCaptions, [label]: [...keys] } });
}

export function setEdgeCaption(state: ViewState, type: string, keys: CaptionKeys): ViewState {
  return withStyle(state, { ...state.style, edgeCaptions: { ...state.style.edgeCaptions, [type]: [...keys] } });
}

export function setNodeColor(state: ViewState, rule: ColorRule): ViewState {
  return withStyle(state, { ...state.style, nodeColor: rule });
}

export function setEdgeColor(state: ViewState, rule: ColorRule): ViewState {
  return withStyle(state, { ...state.style, edgeColor: rule });
}

export function setNodeSize(state: ViewState, rule: SizeRule): ViewState {
  return withStyle(state, { ...state.style, nodeSize: rule });
}

export function setIcon(state: ViewState, label: string, icon: string): ViewState {
  return withStyle(state, { ...state.style, icons: { ...state.style.icons, [label]: icon } });
}
