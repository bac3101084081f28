// The view's style: what each node and relationship shows as its caption, what colours and sizes
// them, and each label's icon. It is part of the view state (a permalink and a saved view carry
// it); the look of each element is derived from it by element-style.ts.
import { ownValue } from '../../../common/own-keys.ts';

/** Property keys whose values make a caption, joined by " · "; `date` reads at its precision, [] shows none. */
export type CaptionKeys = readonly string[];

/** The palette's colour per label or type ('kind'), or a colour per value of a property. */
export type ColorRule =
  | { readonly by: 'kind' }
  | { readonly by: 'property'; readonly property: string; readonly scale: 'categorical' | 'ranged' };

/** Each label's own size ('kind'), or a size by degree in view, or by a numeric property. */
export type SizeRule =
  { readonly by: 'kind' } | { readonly by: 'degree' } | { readonly by: 'property'; readonly property: string };

export interface ViewStyle {
  /** Caption per node label; `anyName` for the labels not listed. */
  readonly nodeCaptions: Readonly<Record<string, CaptionKeys>>;
  /** Caption per relationship type; `anyName` for the types not listed. */
  readonly edgeCaptions: Readonly<Record<string, CaptionKeys>>;
  readonly nodeColor: ColorRule;
  readonly edgeColor: ColorRule;
  readonly nodeSize: SizeRule;
  /** Icon name (icons.ts) per label; a label not listed keeps its own. */
  readonly icons: Readonly<Record<string, string>>;
}

/** The caption entry that stands for every label or type without one of its own. */
export const anyName = '*';

/** The caption a node shows by default: the server's caption (name, else title, else id). */
export const defaultNodeCaption: CaptionKeys = ['label'];
export const defaultEdgeCaption: CaptionKeys = ['type'];

export const defaultStyle: ViewStyle = {
  nodeCaptions: {},
  edgeCaptions: {},
  nodeColor: { by: 'kind' },
  edgeColor: { by: 'kind' },
  nodeSize: { by: 'kind' },
  icons: {},
};

export function nodeCaptionKeys(style: ViewStyle, label: string): CaptionKeys {
  return ownValue(style.nodeCaptions, label) ?? ownValue(style.nodeCaptions, anyName) ?? defaultNodeCaption;
}

export function edgeCaptionKeys(style: ViewStyle, type: string): CaptionKeys {
  return ownValue(style.edgeCaptions, type) ?? ownValue(style.edgeCaptions, anyName) ?? defaultEdgeCaption;
}

export function isDefaultStyle(style: ViewStyle): boolean {
  return JSON.stringify(style) === JSON.stringify(defaultStyle);
}
