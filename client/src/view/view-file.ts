// "Save view" / "Open view": the same versioned payload as a permalink, as a readable JSON file.
import { readPayload, toPayload, type ReadView, type ViewPayload } from './view-payload.ts';
import type { ViewState } from './view-state.ts';

const kind = 'kg-explorer view';

export function viewFileText(state: ViewState, savedAt = new Date()): string {
  const file: { kind: string; savedAt: string } & ViewPayload = {
    kind,
    savedAt: savedAt.toISOString(),
    ...toPayload(state),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The view in a saved file's text; an Error saying why when it is not one. */
export function readViewFile(text: string): ReadView {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== kind)
    throw new Error(`the file is not a saved view (no "kind": "${kind}")`);
  const read = readPayload(value);
  if (!read) throw new Error('the file holds no view of a version this explorer reads');
  return read;
}
