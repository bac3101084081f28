import { describe, expect, it } from 'vitest';
import { readPayload, toPayload } from '../../../client/src/view/view-payload.ts';
import { readViewFile, viewFileText } from '../../../client/src/view/view-file.ts';
import { emptyView } from '../../../client/src/view/view-state.ts';

describe('view payload', () => {
  it('when every field is at its default, carries the nodes alone', () => {
    expect(toPayload({ ...emptyView, nodes: ['a'] })).toEqual({ v: 1, nodes: ['a'] });
  });

  it.each([
    ['layout', { name: 'globe', seed: 2 }, 'layout: no layout "globe"'],
    ['mapShading', 'rainfall', 'mapShading'],
    ['hidden', 'a', 'hidden'],
    ['dates', { from: '2025-01-01', to: '2024-01-01' }, 'dates: the range ends before it starts'],
    ['types', { some: [] }, 'types'],
  ])('when %s is %j, opens with its default and names it', (key, value, problem) => {
    const read = readPayload({ v: 1, nodes: ['a'], [key]: value })!;
    expect(read.state.nodes).toEqual(['a']);
    expect(read.problems.join(' ')).toContain(problem);
  });

  it.each([[null], [[]], [{ v: 2, nodes: ['a'] }], [{ v: 1 }], [{ v: 1, nodes: 'a' }]])(
    'when given %j, reads no view',
    (value) => {
      expect(readPayload(value)).toBeNull();
    },
  );

  it('when the view is a map with its shading, the payload carries both and reads back the same', () => {
    const state = {
      ...emptyView,
      nodes: ['a'],
      layout: { name: 'map' as const, seed: 1 },
      mapShading: 'visits' as const,
    };
    const payload = toPayload(state);
    expect(payload).toMatchObject({ layout: { name: 'map' }, mapShading: 'visits' });
    expect(readPayload(JSON.parse(JSON.stringify(payload)))).toEqual({ state, problems: [] });
  });

  it('when a saved view file is read back, gives the same view', () => {
    const state = { ...emptyView, nodes: ['a', 'b'], pinned: ['a'], positions: { a: { x: 1, y: 2 } } };
    expect(readViewFile(viewFileText(state))).toEqual({ state, problems: [] });
  });

  it.each([
    ['not json', 'the file is not JSON'],
    ['{"v": 1, "nodes": ["a"]}', 'not a saved view'],
  ])('when the file is %s, says why', (text, message) => {
    expect(() => readViewFile(text)).toThrow(message);
  });
});
