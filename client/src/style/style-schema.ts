// The style and the bundling choice as JSON: the schemas a permalink, a saved view and a style
// file are read with (view-payload.ts, style-file.ts). Every part is optional and takes its default.
import { z } from 'zod';
import type { BundleChoice } from '../bundles/bundle-choice.ts';
import { defaultStyle, type ViewStyle } from './view-style.ts';
import { ownRecord } from '../../../common/own-record.ts';

// The page's content security policy allows no evaluated code: zod must not probe for it when it
// builds these schemas (this module is read before view-payload.ts, which says the same).
z.config({ jitless: true });

const name = z.string().min(1).max(200);
// Keyed by labels and types, which may be named like Object.prototype's members (see ownRecord).
const captions = ownRecord(name, z.array(name).max(8));
const colorRule = z.union([
  z.strictObject({ by: z.literal('kind') }),
  z.strictObject({ by: z.literal('property'), property: name, scale: z.enum(['categorical', 'ranged']) }),
]);
const sizeRule = z.union([
  z.strictObject({ by: z.literal('kind') }),
  z.strictObject({ by: z.literal('degree') }),
  z.strictObject({ by: z.literal('property'), property: name }),
]);

export const styleSchema = z.strictObject({
  nodeCaptions: captions.optional(),
  edgeCaptions: captions.optional(),
  nodeColor: colorRule.optional(),
  edgeColor: colorRule.optional(),
  nodeSize: sizeRule.optional(),
  icons: ownRecord(name, name).optional(),
});

export const bundlingSchema = z.strictObject({
  on: z.boolean(),
  unfolded: z.array(z.tuple([z.string().min(1), z.string().min(1)])).optional(),
});

/** A parsed style with its defaults filled in. */
export function styleFrom(parsed: z.output<typeof styleSchema>): ViewStyle {
  return { ...defaultStyle, ...parsed };
}

/** The style without the parts at their default (what a payload carries). */
export function styleToJson(style: ViewStyle): Partial<ViewStyle> {
  const changed = Object.entries(style).filter(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(defaultStyle[key as keyof ViewStyle]),
  );
  return Object.fromEntries(changed) as Partial<ViewStyle>;
}

export function bundlingFrom(parsed: z.output<typeof bundlingSchema>): BundleChoice {
  return {
    on: parsed.on,
    unfolded: (parsed.unfolded ?? []).map(([a, b]) => (a <= b ? ([a, b] as const) : ([b, a] as const))),
  };
}
