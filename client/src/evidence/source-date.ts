// When a source was published, as exactly as the data knows it: a day the page states ("16 May
// 2024"), a day inferred with its week fixed ("week of 16 May 2024"), or an estimate
// ("about May 2024").
import { formatDate } from '../../../common/dates/format-date.ts';

export function publishedText(data: Readonly<Record<string, unknown>>): string {
  const day = formatDate({ date: data.published });
  if (!day) return '';
  if (data.publishedPrecision === 'week') return `week of ${day}`;
  if (data.publishedPrecision === 'estimate')
    return `about ${formatDate({ date: data.published, datePrecision: 'month' })}`;
  return day;
}
