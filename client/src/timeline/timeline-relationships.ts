// The relationships the timeline counts: those in view that every filter but the date range
// leaves drawn (their type shown, both ends drawn, not hidden). The date range is what the
// timeline sets, so it shows what lies outside the range too.
import { isShown } from '../view/name-filter.ts';
import type { Scene } from '../view/scene.ts';
import type { ViewState } from '../view/view-state.ts';
import type { EdgeElement } from '../../../common/api.ts';

export function timelineRelationships(scene: Scene, state: ViewState): EdgeElement[] {
  const hidden = new Set(state.hidden);
  return scene.edges.filter(
    ({ data }) =>
      !hidden.has(data.id) &&
      isShown(state.filters.types, data.type) &&
      scene.drawn.has(data.source) &&
      scene.drawn.has(data.target),
  );
}
