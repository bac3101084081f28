import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutNames } from '../../../client/src/layout-names.ts';
import { mapMeasureNames } from '../../../client/src/map/map-measures.ts';
import { decodeView, encodeView } from '../../../client/src/view/permalink.ts';
import { emptyView, type ViewState } from '../../../client/src/view/view-state.ts';

const id = fc.string({ minLength: 1, maxLength: 24, unit: 'binary' });
const isoDate = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const nameFilter = fc.oneof(
  fc.uniqueArray(fc.string({ maxLength: 12 })).map((except) => ({ except: except.sort() })),
  fc.uniqueArray(fc.string({ maxLength: 12 })).map((only) => ({ only: only.sort() })),
);

const name = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'toString'),
);
const captions = fc.dictionary(name, fc.array(name, { maxLength: 3 }), { maxKeys: 4 });
const colorRule = fc.oneof(
  fc.constant({ by: 'kind' as const }),
  fc.record({
    by: fc.constant('property' as const),
    property: name,
    scale: fc.constantFrom('categorical' as const, 'ranged' as const),
  }),
);
const style = fc.record({
  nodeCaptions: captions,
  edgeCaptions: captions,
  nodeColor: colorRule,
  edgeColor: colorRule,
  nodeSize: fc.oneof(
    fc.constant({ by: 'kind' as const }),
    fc.constant({ by: 'degree' as const }),
    fc.record({ by: fc.constant('property' as const), property: name }),
  ),
  icons: fc.dictionary(name, name, { maxKeys: 4 }),
});
const pairsOf = (nodes: string[]) =>
  fc
    .uniqueArray(fc.tuple(fc.constantFrom(...nodes), fc.constantFrom(...nodes)), {
      maxLength: 4,
      selector: ([a, b]) => JSON.stringify(a < b ? [a, b] : [b, a]),
    })
    .map((pairs) =>
      pairs.filter(([a, b]) => a !== b).map(([a, b]): readonly [string, string] => (a < b ? [a, b] : [b, a])),
    );

const viewState: fc.Arbitrary<ViewState> = fc
  .uniqueArray(id, { maxLength: 40 })
  .chain((nodes) =>
    fc.record({
      nodes: fc.constant(nodes),
      hidden: fc.subarray(nodes),
      pinned: fc.subarray(nodes),
      positions: fc
        .subarray(nodes)
        .chain((placed) =>
          fc.tuple(
            ...placed.map((node) =>
              fc
                .tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }))
                .map(([x, y]) => [node, { x, y }] as const),
            ),
          ),
        )
        .map((entries) => Object.fromEntries(entries)),
      filters: fc.record({
        labels: nameFilter,
        types: nameFilter,
        dates: fc
          .tuple(fc.option(isoDate, { nil: undefined }), fc.option(isoDate, { nil: undefined }))
          .map(([a, b]) => {
            const [from, to] = a && b && a > b ? [b, a] : [a, b];
            return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
          }),
      }),
      layout: fc.record({ name: fc.constantFrom(...layoutNames), seed: fc.integer({ min: 0, max: 1e6 }) }),
      selection: fc.subarray([...nodes, 'rel:one', 'rel:two']),
      style,
      bundling: fc.record({
        on: fc.boolean(),
        unfolded: nodes.length > 1 ? pairsOf(nodes) : fc.constant<(readonly [string, string])[]>([]),
      }),
      mapShading: fc.constantFrom(...mapMeasureNames),
    }),
  )
  .filter((state) => state.nodes.length > 0);

describe('permalink', () => {
  it('when a view is encoded and decoded, the same view comes back', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        const read = decodeView(`#${encodeView(state)}`)!;
        expect(read.state).toEqual(state);
        expect(read.problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('when a node id is "__proto__", its position stays a position of that node', () => {
    const positions = Object.fromEntries([['__proto__', { x: 1, y: 2 }]]);
    const state: ViewState = { ...emptyView, nodes: ['__proto__'], positions };
    const read = decodeView(`#${encodeView(state)}`)!;
    expect(Object.keys(read.state.positions)).toEqual(['__proto__']);
    expect(read.state).toEqual(state);
  });

  it('when the view has no nodes, the fragment is empty and opens the start view', () => {
    expect(encodeView(emptyView)).toBe('');
    expect(decodeView('')).toBeNull();
  });

  it('when a large view is encoded, the fragment is compressed', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => `person:someone-with-a-long-name-${i}`);
    const positions = Object.fromEntries(nodes.map((node, i) => [node, { x: i * 10, y: i * 7 }]));
    const fragment = encodeView({ ...emptyView, nodes, positions });
    expect(fragment.length).toBeLessThan(JSON.stringify({ nodes, positions }).length / 3);
  });

  it('when the fragment is damaged, says so instead of throwing', () => {
    const fragment = encodeView({ ...emptyView, nodes: ['country:RUS'] });
    expect(decodeView(fragment.slice(0, -6))?.problems).toEqual(['the link is damaged (cut short or changed)']);
  });

  it('when an old-style link is opened, reads its nodes, hidden, pinned, layout and filters', () => {
    const read = decodeView(
      '#n=country:RUS,country:CHN&h=country:CHN&p=country:RUS&layout=grid&xt=VISITED&from=2024-01-01',
    );
    expect(read).toEqual({
      state: {
        ...emptyView,
        nodes: ['country:RUS', 'country:CHN'],
        hidden: ['country:CHN'],
        pinned: ['country:RUS'],
        layout: { name: 'grid', seed: 1 },
        filters: { labels: { except: [] }, types: { except: ['VISITED'] }, dates: { from: '2024-01-01' } },
      },
      problems: [],
    });
  });
});
