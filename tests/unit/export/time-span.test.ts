import { describe, expect, it } from 'vitest';
import { timeSpan } from '../../../server/domain/export/time-span.ts';

describe('timeSpan', () => {
  it.each([
    [{ date: '2024-05-16' }, { start: '2024-05-16', end: '2024-05-16' }],
    [
      { date: '2024-05-16', datePrecision: 'day' },
      { start: '2024-05-16', end: '2024-05-16' },
    ],
    [
      { date: '2024-02-10', datePrecision: 'month' },
      { start: '2024-02-01', end: '2024-02-29' },
    ],
    [
      { date: '2023-02-10', datePrecision: 'month' },
      { start: '2023-02-01', end: '2023-02-28' },
    ],
    [
      { date: '2022-02-24', datePrecision: 'year' },
      { start: '2022-01-01', end: '2022-12-31' },
    ],
    [
      { date: '2025-07-11', dateEnd: '2025-07-13', datePrecision: 'day' },
      { start: '2025-07-11', end: '2025-07-13' },
    ],
    [
      { date: '2024-07-01', dateEnd: '2024-08-01', datePrecision: 'month' },
      { start: '2024-07-01', end: '2024-08-31' },
    ],
    [
      { date: '2024-07-01', dateEnd: '2024-06-01' },
      { start: '2024-07-01', end: '2024-07-01' },
    ],
    [
      { date: '2024-07-01', dateEnd: 'soon' },
      { start: '2024-07-01', end: '2024-07-01' },
    ],
  ])('when the relationship has %j, it spans %j', (properties, span) => {
    expect(timeSpan(properties)).toEqual(span);
  });

  it.each([[{}], [{ date: 'not a date' }], [{ date: '2024-02-30' }], [{ date: 20240501 }]])(
    'when the relationship has %j, it has no span',
    (properties) => {
      expect(timeSpan(properties)).toBeUndefined();
    },
  );
});
