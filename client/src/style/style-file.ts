// The style as a file (export and import in the style editor) and in the browser's storage: the
// same JSON as the permalink's `style` field, read with its schema (style-schema.ts).
import { styleFrom, styleSchema, styleToJson } from './style-schema.ts';
import type { ViewStyle } from './view-style.ts';

const kind = 'kg-explorer style';
const storageKey = 'kg-explorer.style';

export function styleFileText(style: ViewStyle): string {
  return `${JSON.stringify({ kind, style: styleToJson(style) }, null, 2)}\n`;
}

/** The style a file holds; an Error saying why when it holds none. */
export function readStyleFile(text: string): ViewStyle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== kind)
    throw new Error(`the file is not a style (no "kind": "${kind}")`);
  const parsed = styleSchema.safeParse((value as { style?: unknown }).style ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`the style does not read: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'not valid'}`);
  }
  return styleFrom(parsed.data);
}

/** The style kept in this browser, if any (and readable). */
export function savedStyle(storage: Storage | undefined = globalThis.localStorage): ViewStyle | undefined {
  try {
    const text = storage?.getItem(storageKey);
    return text ? readStyleFile(text) : undefined;
  } catch {
    return undefined;
  }
}

export function saveStyle(style: ViewStyle, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(storageKey, styleFileText(style));
  } catch {
    /* storage refused (private mode, full): the style lasts for the page */
  }
}
