import { describe, expect, it } from 'vitest';
import {
  bundlingFrom,
  bundlingSchema,
  styleFrom,
  styleSchema,
  styleToJson,
} from '../../../client/src/style/style-schema.ts';
import { defaultStyle } from '../../../client/src/style/view-style.ts';

describe('styleSchema and styleFrom', () => {
  it('when a style is empty, every part takes its default', () => {
    expect(styleFrom(styleSchema.parse({}))).toEqual(defaultStyle);
  });

  it('when a style gives a part, it replaces the default and the others stay', () => {
    const style = styleFrom(styleSchema.parse({ nodeSize: { by: 'degree' } }));
    expect(style).toEqual({ ...defaultStyle, nodeSize: { by: 'degree' } });
  });

  it.each([
    ['an unknown part', { shape: 'round' }],
    ['an unknown colour rule', { nodeColor: { by: 'mood' } }],
    ['a property colour without a scale', { nodeColor: { by: 'property', property: 'date' } }],
    ['an empty caption key', { nodeCaptions: { Person: [''] } }],
    ['more than 8 caption keys', { nodeCaptions: { Person: Array.from({ length: 9 }, (_, i) => `k${i}`) } }],
    ['a name over 200 characters', { icons: { ['x'.repeat(201)]: 'flag' } }],
  ])('when a style has %s, it is refused', (_case, style) => {
    expect(styleSchema.safeParse(style).success).toBe(false);
  });
});

describe('styleToJson', () => {
  it('when the style is the default, nothing is written', () => {
    expect(styleToJson(defaultStyle)).toEqual({});
  });

  it('when parts differ from the default, only they are written', () => {
    const captions = { Person: ['name', 'role'] };
    expect(styleToJson({ ...defaultStyle, nodeCaptions: captions })).toEqual({ nodeCaptions: captions });
  });

  it('when written and read back, the style is the same', () => {
    const style = { ...defaultStyle, edgeColor: { by: 'property', property: 'date', scale: 'ranged' } } as const;
    expect(styleFrom(styleSchema.parse(styleToJson(style)))).toEqual(style);
  });
});

describe('bundlingSchema and bundlingFrom', () => {
  it('when no pairs are unfolded, the choice has none', () => {
    expect(bundlingFrom(bundlingSchema.parse({ on: false }))).toEqual({ on: false, unfolded: [] });
  });

  it('when a pair is given in either order, it is kept in sorted order', () => {
    expect(
      bundlingFrom(
        bundlingSchema.parse({
          on: true,
          unfolded: [
            ['b', 'a'],
            ['c', 'd'],
          ],
        }),
      ).unfolded,
    ).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it.each([
    ['no on', { unfolded: [] }],
    ['a pair with an empty id', { on: true, unfolded: [['a', '']] }],
    ['a pair of three', { on: true, unfolded: [['a', 'b', 'c']] }],
  ])('when the bundling has %s, it is refused', (_case, bundling) => {
    expect(bundlingSchema.safeParse(bundling).success).toBe(false);
  });
});
