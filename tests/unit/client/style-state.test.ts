import { describe, expect, it } from 'vitest';
import { membersInOrder } from '../../../client/src/bundles/bundle-card.ts';
import { typesToExpand } from '../../../client/src/dense-view-commands.ts';
import { tooltipText } from '../../../client/src/pointer/tooltip-text.ts';
import { defaultIcon, iconImage, iconNames } from '../../../client/src/style/icons.ts';
import { readStyleFile, savedStyle, saveStyle, styleFileText } from '../../../client/src/style/style-file.ts';
import { setEdgeCaption, setIcon, setNodeColor, setStyle } from '../../../client/src/style/style-updates.ts';
import { defaultStyle, edgeCaptionKeys, type ViewStyle } from '../../../client/src/style/view-style.ts';
import { readPayload, toPayload } from '../../../client/src/view/view-payload.ts';
import { emptyView } from '../../../client/src/view/view-state.ts';

const styled: ViewStyle = {
  ...defaultStyle,
  edgeCaptions: { '*': ['date'], VISITED: ['type', 'date'] },
  nodeColor: { by: 'property', property: 'role', scale: 'categorical' },
  nodeSize: { by: 'degree' },
  icons: { Person: 'star' },
};

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('the style in the view state', () => {
  it('when a styled view goes through the permalink payload, the same style and bundling come back', () => {
    const state = { ...emptyView, nodes: ['a', 'b'], style: styled, bundling: { on: false, unfolded: [] } };
    const payload = JSON.parse(JSON.stringify(toPayload(state))) as unknown;
    expect(readPayload(payload)).toEqual({ state, problems: [], styled: true });
  });

  it('when the payload has no style, the view takes the default one and says it was not given', () => {
    const read = readPayload({ v: 1, nodes: ['a'] })!;
    expect(read.state.style).toEqual(defaultStyle);
    expect(read.styled).toBeUndefined();
  });

  it('when the style in a payload does not read, the view opens with the default style and names the problem', () => {
    const read = readPayload({ v: 1, nodes: ['a'], style: { nodeSize: { by: 'weight' } } })!;
    expect(read.state.style).toEqual(defaultStyle);
    expect(read.problems.join(' ')).toContain('style');
  });

  it('when a pair is unfolded for nodes no longer in view, the payload leaves it out', () => {
    const state = { ...emptyView, nodes: ['a', 'b'], bundling: { on: true, unfolded: [['a', 'gone'] as const] } };
    expect(toPayload(state).bundling).toBeUndefined();
  });

  it('when a style is written to a file and read back, it is the same', () => {
    expect(readStyleFile(styleFileText(styled))).toEqual(styled);
  });

  it.each([
    ['not json', 'not JSON'],
    ['{"kind": "kg-explorer view"}', 'not a style'],
    ['{"kind": "kg-explorer style", "style": {"nodeColor": {"by": "mood"}}}', 'nodeColor'],
  ])('when the style file is %s, says why', (text, message) => {
    expect(() => readStyleFile(text)).toThrow(message);
  });

  it('when the style is saved in the browser, the next page reads it; nothing saved reads as none', () => {
    const storage = new MemoryStorage();
    expect(savedStyle(storage as unknown as Storage)).toBeUndefined();
    saveStyle(styled, storage as unknown as Storage);
    expect(savedStyle(storage as unknown as Storage)).toEqual(styled);
  });

  it('when style updates change nothing, the state is the same object', () => {
    const state = setNodeColor(emptyView, { by: 'kind' });
    expect(state).toBe(emptyView);
    expect(setStyle(emptyView, { ...defaultStyle })).toBe(emptyView);
  });

  it('when a type gets its own caption, the others keep the default for every type', () => {
    const state = setEdgeCaption(setEdgeCaption(emptyView, '*', ['date']), 'VISITED', ['summary']);
    expect(edgeCaptionKeys(state.style, 'VISITED')).toEqual(['summary']);
    expect(edgeCaptionKeys(state.style, 'MET_WITH')).toEqual(['date']);
    expect(setIcon(state, 'Person', 'star').style.icons).toEqual({ Person: 'star' });
  });
});

describe('icons, tooltips, bundle members and types to expand', () => {
  it.each(iconNames.filter((name) => name !== 'flag' && name !== 'none'))(
    'when the icon is %s, it is an SVG image',
    (name) => {
      expect(iconImage(name, 'Person', '')).toMatch(/^data:image\/svg\+xml;utf8,/);
    },
  );

  it('when the icon is a flag, a country with a known flag shows it and other nodes show none', () => {
    expect(iconImage('flag', 'Country', 'RUS')).toMatch(/^data:image\/svg/);
    expect(iconImage('flag', 'Person', '')).toBeUndefined();
    expect(iconImage('none', 'Person', '')).toBeUndefined();
    expect([defaultIcon('Country'), defaultIcon('Spaceship')]).toEqual(['flag', 'none']);
  });

  it.each([
    [
      { id: 'p', label: 'Li Qiang', labels: ['Entity', 'Person'], role: 'Premier' },
      { title: 'Li Qiang', lines: ['Person · Premier'] },
    ],
    [
      { id: 'e', label: 'Summit', labels: ['Event'], date: '2024-05-16', datePrecision: 'month' },
      { title: 'Summit', lines: ['Event', 'May 2024'] },
    ],
    [
      { id: 'r', source: 'a', target: 'b', type: 'VISITED', date: '2024-05-16', summary: 'A visit.' },
      { title: 'VISITED', lines: ['A → B', '16 May 2024', 'A visit.'] },
    ],
    [
      { id: 'bundle:x', source: 'a', target: 'b', _members: ['1', '2', '3'] },
      { title: '3 relationships', lines: ['A – B', 'Click to list them'] },
    ],
  ])('when the element is %j, the tooltip says %j', (data, text) => {
    expect(tooltipText(data, (id) => id.toUpperCase())).toEqual(text);
  });

  it('when members are put in order, the oldest comes first and undated ones last', () => {
    const edge = (id: string, date?: string) => ({
      group: 'edges' as const,
      data: { id, source: 'a', target: 'b', type: 'X', ...(date ? { date } : {}) },
    });
    expect(membersInOrder([edge('c'), edge('b', '2024-01-01'), edge('a', '2022-05-01')]).map((e) => e.data.id)).toEqual(
      ['a', 'b', 'c'],
    );
  });

  it('when a node has types in both directions, expand by type offers each type once with both counts, most first', () => {
    expect(
      typesToExpand([
        { type: 'VISITED', count: 2 },
        { type: 'MET_WITH', count: 5 },
        { type: 'VISITED', count: 4 },
      ]),
    ).toEqual([
      { type: 'VISITED', count: 6 },
      { type: 'MET_WITH', count: 5 },
    ]);
  });
});
