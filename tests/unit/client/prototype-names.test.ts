// Labels, types, node ids and icon names that are Object.prototype's members: looked up in the
// style and the palette, read from a style file or a link, they are names like any other.
import { describe, expect, it } from 'vitest';
import type { EdgeElement, NodeElement } from '../../../common/api.ts';
import { labelLook } from '../../../client/src/palette.ts';
import { sceneLooks } from '../../../client/src/style/element-style.ts';
import { defaultIcon, iconImage } from '../../../client/src/style/icons.ts';
import { readStyleFile, styleFileText } from '../../../client/src/style/style-file.ts';
import {
  defaultEdgeCaption,
  defaultNodeCaption,
  defaultStyle,
  edgeCaptionKeys,
  nodeCaptionKeys,
} from '../../../client/src/style/view-style.ts';
import { decodeView, encodeView } from '../../../client/src/view/permalink.ts';
import { setPositions } from '../../../client/src/view/updates.ts';
import { emptyView } from '../../../client/src/view/view-state.ts';

const names = ['valueOf', 'toString', 'constructor', 'hasOwnProperty', '__proto__'];
const node = (label: string): NodeElement => ({
  group: 'nodes',
  data: { id: `proto:${label}`, label: `A ${label}`, labels: ['Entity', label] },
});
const edge = (type: string): EdgeElement => ({
  group: 'edges',
  data: { id: `rel:${type}`, source: 'proto:constructor', target: 'proto:valueOf', type },
});
/** An object with `__proto__` as an own key, as JSON.parse makes it. */
const withProtoKey = <V>(value: V): Record<string, V> => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`);

describe('names that are Object.prototype members', () => {
  it.each(names)('when a node is labelled %s, it shows the default caption', (label) => {
    expect(nodeCaptionKeys(defaultStyle, label)).toEqual(defaultNodeCaption);
  });

  it.each(names)('when a relationship is typed %s, it shows the default caption', (type) => {
    expect(edgeCaptionKeys(defaultStyle, type)).toEqual(defaultEdgeCaption);
  });

  it.each(names)('when a view holds a node labelled %s, its look is the caption of its name', (label) => {
    const looks = sceneLooks([node(label), node('valueOf')], [edge('hasOwnProperty')], defaultStyle);
    expect(looks.nodes.get(`proto:${label}`)?.caption).toBe(`A ${label}`);
    expect(looks.edges.get('rel:hasOwnProperty')?.caption).toBe('hasOwnProperty');
  });

  it.each(names)('when a label is %s, it takes the other labels’ look and no icon of its own', (label) => {
    expect(labelLook(label)).toEqual(labelLook('SomethingElse'));
    expect(defaultIcon(label)).toBe('none');
  });

  it.each(names)('when an icon is named %s, there is no image for it', (name) => {
    expect(iconImage(name, 'Person', '')).toBeUndefined();
  });

  it('when a style file gives captions and icons for labels named __proto__ and constructor, it keeps them as own keys', () => {
    const style = readStyleFile(
      JSON.stringify({
        kind: 'kg-explorer style',
        style: {
          nodeCaptions: { ...withProtoKey(['name']), constructor: ['id'] },
          icons: { ...withProtoKey('star'), constructor: 'pin' },
        },
      }),
    );
    expect(nodeCaptionKeys(style, '__proto__')).toEqual(['name']);
    expect(nodeCaptionKeys(style, 'constructor')).toEqual(['id']);
    expect(Object.getOwnPropertyDescriptor(style.icons, '__proto__')?.value).toBe('star');
    expect(readStyleFile(styleFileText(style))).toEqual(style);
  });

  it('when a node id is __proto__, its position is kept as an own key through a link', () => {
    const state = setPositions(
      { ...emptyView, nodes: ['__proto__', 'constructor'] },
      {
        ...withProtoKey({ x: 1, y: 2 }),
        constructor: { x: 3, y: 4 },
      },
    );
    expect(Object.getOwnPropertyDescriptor(state.positions, '__proto__')?.value).toEqual({ x: 1, y: 2 });
    expect(decodeView(encodeView(state))?.state.positions).toEqual(state.positions);
  });

  it('when a link’s style has an icon for a label named __proto__, the view it opens keeps it', () => {
    const style = { ...defaultStyle, icons: withProtoKey('star'), nodeCaptions: withProtoKey(['name']) };
    const read = decodeView(encodeView({ ...emptyView, nodes: ['a'], style }));
    expect(read?.problems).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(read?.state.style.icons, '__proto__')?.value).toBe('star');
    expect(nodeCaptionKeys(read!.state.style, '__proto__')).toEqual(['name']);
  });
});
