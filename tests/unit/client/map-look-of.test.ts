import { describe, expect, it } from 'vitest';
import type { EdgeElement, NodeElement } from '../../../common/api.ts';
import { GraphCache } from '../../../client/src/graph/graph-cache.ts';
import { atlas } from '../../../client/src/map/atlas-data.ts';
import { mapLookOf } from '../../../client/src/map/map-look-of.ts';
import { deriveScene } from '../../../client/src/view/scene.ts';
import { setDates } from '../../../client/src/view/updates.ts';
import { emptyView, type ViewState } from '../../../client/src/view/view-state.ts';

const node = (id: string, label: string, data: Record<string, string> = {}): NodeElement => ({
  group: 'nodes',
  data: { id, label: id, labels: ['Entity', label], ...data },
});
const edge = (id: string, source: string, target: string, type: string, date: string): EdgeElement => ({
  group: 'edges',
  data: { id, source, target, type, date, datePrecision: 'month' },
});

const graph = new GraphCache();
graph.merge({
  nodes: [
    node('country:RUS', 'Country', { iso3: 'RUS' }),
    node('country:PRK', 'Country', { iso3: 'PRK' }),
    node('country:CHN', 'Country', { iso3: 'CHN' }),
    node('lavrov', 'Person'),
    node('someone', 'Person'),
  ],
  edges: [
    edge('office', 'lavrov', 'country:RUS', 'HOLDS_OFFICE', '2025-07-13'),
    edge('pyongyang', 'lavrov', 'country:PRK', 'VISITED', '2025-07-11'),
    edge('beijing', 'lavrov', 'country:CHN', 'VISITED', '2025-07-13'),
    edge('trade', 'country:RUS', 'country:CHN', 'TRADES_WITH', '2024-05-16'),
  ],
});
const view: ViewState = { ...emptyView, nodes: ['country:RUS', 'country:PRK', 'country:CHN', 'lavrov', 'someone'] };

describe("the map's look for a scene", () => {
  it('when every date is shown, the countries with relationships are shaded and the node without a place is counted', () => {
    const { look, unplaced } = mapLookOf(deriveScene(view, graph), 'relationships', atlas);
    expect([...look.fills.keys()].sort()).toEqual(['CHN', 'PRK', 'RUS']);
    expect(unplaced).toBe(1);
    expect(look.strip).toMatchObject({ count: 1 });
  });

  it('when the date range moves to a month (a timeline step), the shading follows it', () => {
    const may2024 = setDates(view, { from: '2024-05-01', to: '2024-05-31' });
    const { look } = mapLookOf(deriveScene(may2024, graph), 'relationships', atlas);
    expect([...look.fills.keys()].sort()).toEqual(['CHN', 'RUS']);
  });

  it('when the measure is visits, only destinations are shaded', () => {
    const { look } = mapLookOf(deriveScene(view, graph), 'visits', atlas);
    expect([...look.fills.keys()].sort()).toEqual(['CHN', 'PRK']);
  });

  it('when every node has a place, there is no strip', () => {
    const placed = { ...view, nodes: view.nodes.filter((id) => id !== 'someone') };
    expect(mapLookOf(deriveScene(placed, graph), 'relationships', atlas).look.strip).toBeNull();
  });
});
