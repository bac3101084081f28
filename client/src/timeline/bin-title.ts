// What a month's bar says when pointed at: how many relationships have a share in it, how many of
// those are spread over a longer span, and the count per type.
import type { MonthBin } from './month-bins.ts';
import { monthsTitle } from './months.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function binTitle(bin: MonthBin): string {
  const all = new Set(bin.segments.flatMap((segment) => segment.ids));
  if (all.size === 0) return `${monthsTitle(bin.month)}: none`;
  const exact = (kind: 'day' | 'month') =>
    new Set(bin.segments.filter((s) => s.exactness === kind).flatMap((s) => s.ids)).size;
  const spread = new Set(bin.segments.filter((s) => s.exactness === 'spread').flatMap((s) => s.ids)).size;
  const parts = [
    exact('day') > 0 ? `${exact('day')} to the day` : '',
    exact('month') > 0 ? `${exact('month')} to the month` : '',
    spread > 0 ? `${spread} spread over a year or a period` : '',
  ].filter(Boolean);
  const perType = new Map<string, Set<string>>();
  for (const segment of bin.segments) {
    const ids = perType.get(segment.type) ?? new Set<string>();
    for (const id of segment.ids) ids.add(id);
    perType.set(segment.type, ids);
  }
  return (
    `${monthsTitle(bin.month)}: ${plural(all.size, 'relationship')} (${parts.join(', ')})\n` +
    [...perType].map(([type, ids]) => `${type} ${ids.size}`).join(' · ')
  );
}
