import { describe, expect, it } from 'vitest';
import { flagDataUri, iconDataUri, labelStyle, primaryLabel, typeColor } from '../../../client/src/style.ts';
import { labelLook, typeLook } from '../../../client/src/palette.ts';
import { lookRules } from '../../../client/src/style/look-rules.ts';

const svgOf = (uri: string | undefined) => decodeURIComponent(uri!.replace('data:image/svg+xml;utf8,', ''));

describe('primaryLabel', () => {
  it.each([
    [['Entity', 'Person'], 'Person'],
    [['Country', 'Entity'], 'Country'],
    [['Entity'], 'Entity'],
    [[], 'Node'],
  ])('when the labels are %j, the primary one is %s', (labels, primary) => {
    expect(primaryLabel(labels)).toBe(primary);
  });
});

describe('labelStyle and typeColor', () => {
  it("when a label's style is asked for, it is the palette's", () => {
    expect(labelStyle('Person')).toEqual(labelLook('Person'));
  });

  it("when a type's colour is asked for, it is the palette's", () => {
    expect(typeColor('VISITED')).toBe(typeLook('VISITED').color);
  });
});

describe('flagDataUri', () => {
  it.each(['RUS', 'CHN', 'UKR', 'BLR', 'PRK', 'USA', 'IRN', 'VEN'])(
    'when the country is %s, its flag is an SVG data URI',
    (iso3) => {
      const uri = flagDataUri(iso3);
      expect(uri).toMatch(/^data:image\/svg\+xml;utf8,/);
      expect(svgOf(uri)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 30 20".*<\/svg>$/);
    },
  );

  it('when the country has no flag drawn, there is none', () => {
    expect(flagDataUri('FRA')).toBeUndefined();
  });
});

describe('iconDataUri', () => {
  it.each(['Person', 'Organization', 'Event', 'Source'])(
    "when the label is %s, its icon is an SVG drawn in the label's ink",
    (label) => {
      const svg = svgOf(iconDataUri(label));
      expect(svg).toContain(labelLook(label).ink);
      expect(svg).not.toContain('INK');
    },
  );

  it('when the label has no icon, there is none', () => {
    expect(iconDataUri('Country')).toBeUndefined();
  });
});

describe('lookRules', () => {
  const selectors = (large: boolean) => lookRules(large).map((rule) => rule.selector);
  const styleOf = (large: boolean, selector: string) =>
    (lookRules(large).find((rule) => rule.selector === selector) as { style?: Record<string, unknown> } | undefined)
      ?.style;

  it('when the view is normal, relationship captions are drawn', () => {
    expect(selectors(false)).toContain('edge[_caption]');
  });

  it('when the view is large, relationship captions are not drawn', () => {
    expect(selectors(true)).not.toContain('edge[_caption]');
  });

  it('when the view is large, a coloured relationship colours its line only, not its arrow', () => {
    expect(styleOf(true, 'edge[_color]')).toEqual({ 'line-color': 'data(_color)' });
    expect(styleOf(false, 'edge[_color]')).toMatchObject({ 'target-arrow-color': 'data(_color)' });
  });

  it.each([false, true])('when large is %s, folded relationships are hidden', (large) => {
    expect(styleOf(large, 'edge.folded')).toEqual({ display: 'none' });
  });
});
