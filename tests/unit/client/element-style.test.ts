import { describe, expect, it } from 'vitest';
import type { EdgeElement, NodeElement } from '../../../common/api.ts';
import { categoricalColor, rangedColor } from '../../../client/src/style/color-scale.ts';
import {
  captionMax,
  captionText,
  noValueColor,
  numericValue,
  sceneLooks,
} from '../../../client/src/style/element-style.ts';
import { defaultStyle, type ViewStyle } from '../../../client/src/style/view-style.ts';

const person = (id: string, extra: Record<string, string | number> = {}): NodeElement => ({
  group: 'nodes',
  data: { id, label: id.toUpperCase(), labels: ['Entity', 'Person'], ...extra },
});
const edge = (id: string, source: string, target: string, extra: Record<string, string> = {}): EdgeElement => ({
  group: 'edges',
  data: { id, source, target, type: 'MET_WITH', ...extra },
});

describe('captions', () => {
  it.each([
    [{ date: '2024-05-16', datePrecision: 'month' }, ['date'], 'May 2024'],
    [{ type: 'VISITED', date: '2022-02-24', datePrecision: 'year' }, ['type', 'date'], 'VISITED · 2022'],
    [{ name: 'Li', aliases: ['Li Q', 'Premier Li'] }, ['aliases'], 'Li Q, Premier Li'],
    [{ name: 'Li' }, ['role', 'name'], 'Li'],
    [{ name: 'Li' }, [], ''],
  ])('when the data is %j and the caption is %j, reads %j', (data, keys, text) => {
    expect(captionText(data, keys)).toBe(text);
  });

  it('when a caption is long, cuts it with an ellipsis', () => {
    const text = captionText({ summary: 'x'.repeat(200) }, ['summary']);
    expect(text).toHaveLength(captionMax);
    expect(text.endsWith('…')).toBe(true);
  });

  it('when a label has a caption of its own, its nodes show it; other labels the default one', () => {
    const style: ViewStyle = { ...defaultStyle, nodeCaptions: { Person: ['role'] } };
    const country: NodeElement = { group: 'nodes', data: { id: 'c', label: 'China', labels: ['Country'] } };
    const looks = sceneLooks([person('p', { role: 'Premier' }), country], [], style);
    expect(looks.nodes.get('p')!.caption).toBe('Premier');
    expect(looks.nodes.get('c')!.caption).toBe('China');
  });

  it('when every type is captioned by date, relationships show their date at its precision', () => {
    const style: ViewStyle = { ...defaultStyle, edgeCaptions: { '*': ['date'] } };
    const looks = sceneLooks([], [edge('r', 'a', 'b', { date: '2025-07-11', datePrecision: 'day' })], style);
    expect(looks.edges.get('r')!.caption).toBe('11 Jul 2025');
  });
});

describe('colours and sizes', () => {
  it.each([
    [3, 3],
    ['2024-01-02', 19724],
    ['soon', undefined],
    [null, undefined],
  ])('when the value is %j, its number on a scale is %j', (value, number) => {
    expect(numericValue(value)).toBe(number);
  });

  it('when colouring by a property as categories, each value has its colour and a missing value the neutral one', () => {
    const style: ViewStyle = { ...defaultStyle, nodeColor: { by: 'property', property: 'role', scale: 'categorical' } };
    const looks = sceneLooks(
      [
        person('a', { role: 'minister' }),
        person('b', { role: 'envoy' }),
        person('c', { role: 'minister' }),
        person('d'),
      ],
      [],
      style,
    );
    expect(looks.nodes.get('b')!.color).toBe(categoricalColor(0));
    expect(looks.nodes.get('a')!.color).toBe(categoricalColor(1));
    expect(looks.nodes.get('c')!.color).toBe(categoricalColor(1));
    expect(looks.nodes.get('d')!.color).toBe(noValueColor);
    expect(looks.nodeLegend.map((entry) => entry.text)).toEqual(['envoy', 'minister']);
  });

  it('when colouring relationships by date as a range, the oldest and newest take the ends of the scale', () => {
    const style: ViewStyle = { ...defaultStyle, edgeColor: { by: 'property', property: 'date', scale: 'ranged' } };
    const edges = [edge('old', 'a', 'b', { date: '2020-01-01' }), edge('new', 'a', 'b', { date: '2025-01-01' })];
    const looks = sceneLooks([], edges, style);
    expect(looks.edges.get('old')!.color).toBe(rangedColor(0));
    expect(looks.edges.get('new')!.color).toBe(rangedColor(1));
    expect(looks.edgeLegend.map((entry) => entry.text)).toEqual(['2020-01-01', '2025-01-01']);
  });

  it('when sizing by degree, a hub is larger than a leaf; by kind, no size is set', () => {
    const nodes = [person('hub'), person('x'), person('y'), person('z')];
    const edges = [edge('1', 'hub', 'x'), edge('2', 'hub', 'y'), edge('3', 'hub', 'z')];
    const looks = sceneLooks(nodes, edges, { ...defaultStyle, nodeSize: { by: 'degree' } });
    expect(looks.nodes.get('hub')!.size!).toBeGreaterThan(looks.nodes.get('x')!.size!);
    expect(sceneLooks(nodes, edges, defaultStyle).nodes.get('hub')!.size).toBeUndefined();
  });

  it('when sizing by a numeric property, nodes without it take the smallest size', () => {
    const nodes = [person('a', { weight: 1 }), person('b', { weight: 100 }), person('c')];
    const looks = sceneLooks(nodes, [], { ...defaultStyle, nodeSize: { by: 'property', property: 'weight' } });
    expect(looks.nodes.get('b')!.size!).toBeGreaterThan(looks.nodes.get('a')!.size!);
    expect(looks.nodes.get('c')!.size!).toBeLessThan(looks.nodes.get('a')!.size!);
  });
});
