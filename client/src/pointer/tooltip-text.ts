// What the hover tooltip says about an element: a node's name, kind and date (at its precision); a
// relationship's type, ends, date and summary; a bundle's count. Pure, from the element's data.
import { formatDate } from '../../../common/dates/format-date.ts';
import type { JsonValue } from '../../../common/api.ts';
import { primaryLabel } from '../style.ts';

export interface TooltipText {
  title: string;
  lines: string[];
}

type Data = Readonly<Record<string, JsonValue | undefined>>;

export function tooltipText(data: Data, nameOf: (id: string) => string): TooltipText {
  const date = formatDate(data);
  const members = data._members;
  if (Array.isArray(members)) {
    const what = typeof data.type === 'string' ? `${data.type} ×${members.length}` : `${members.length} relationships`;
    return {
      title: what,
      lines: [`${nameOf(String(data.source))} – ${nameOf(String(data.target))}`, 'Click to list them'],
    };
  }
  if (typeof data.source === 'string' && typeof data.target === 'string') {
    return {
      title: String(data.type ?? 'relationship'),
      lines: [
        `${nameOf(data.source)} → ${nameOf(data.target)}`,
        ...(date ? [date] : []),
        ...(typeof data.summary === 'string' ? [data.summary] : []),
      ],
    };
  }
  const labels = Array.isArray(data.labels) ? data.labels.map(String) : [];
  const kind = primaryLabel(labels);
  const role = typeof data.role === 'string' ? data.role : null;
  return {
    title: String(data.label ?? data.id ?? ''),
    lines: [role ? `${kind} · ${role}` : kind, ...(date ? [date] : [])],
  };
}
