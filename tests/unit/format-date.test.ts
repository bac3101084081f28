import { describe, expect, it } from 'vitest';
import { formatDate } from '../../common/dates/format-date.ts';

describe('formatDate', () => {
  it.each([
    [{ date: '2022-02-24', datePrecision: 'day' }, '24 Feb 2022'],
    [{ date: '2024-05-16', datePrecision: 'month' }, 'May 2024'],
    [{ date: '2022-02-24', datePrecision: 'year' }, '2022'],
    [{ date: '2024-05-16' }, '16 May 2024'],
    [{ date: '2024-05-16', datePrecision: 'weekly' }, '16 May 2024'],
    [{ date: '2024-02-29', datePrecision: 'day' }, '29 Feb 2024'],
    [{ date: '0033-01-09', datePrecision: 'day' }, '9 Jan 33'],
  ])('when a single date is %j, it reads "%s"', (fields, text) => {
    expect(formatDate(fields)).toBe(text);
  });

  it.each([
    [{ date: '2025-07-11', dateEnd: '2025-07-13', datePrecision: 'day' }, '11–13 Jul 2025', 'days in one month'],
    [{ date: '2025-06-28', dateEnd: '2025-07-03', datePrecision: 'day' }, '28 Jun – 3 Jul 2025', 'days across months'],
    [
      { date: '2024-12-30', dateEnd: '2025-01-02', datePrecision: 'day' },
      '30 Dec 2024 – 2 Jan 2025',
      'days across years',
    ],
    [{ date: '2025-07-11', dateEnd: '2025-07-11', datePrecision: 'day' }, '11 Jul 2025', 'a one-day period'],
    [{ date: '2025-07-01', dateEnd: '2025-08-31', datePrecision: 'month' }, 'Jul–Aug 2025', 'months in one year'],
    [{ date: '2024-01-01', dateEnd: '2024-07-31', datePrecision: 'month' }, 'Jan–Jul 2024', 'months in one year'],
    [
      { date: '2024-12-01', dateEnd: '2025-02-28', datePrecision: 'month' },
      'Dec 2024 – Feb 2025',
      'months across years',
    ],
    [
      { date: '2025-07-11', dateEnd: '2025-07-13', datePrecision: 'month' },
      'Jul 2025',
      'days in one month, at month precision',
    ],
    [{ date: '2022-01-01', dateEnd: '2024-12-31', datePrecision: 'year' }, '2022–2024', 'years'],
    [{ date: '2023-01-01', dateEnd: '2023-12-31', datePrecision: 'year' }, '2023', 'one year, at year precision'],
    [{ date: '2024-05-16', dateEnd: null, datePrecision: 'month' }, 'May 2024', 'a null dateEnd'],
  ])('when a period is %j, it reads "%s" (%s)', (fields, text, _why) => {
    expect(formatDate(fields)).toBe(text);
  });

  it.each([
    [{}, ''],
    [{ date: null }, ''],
    [{ date: '2024-02-30', datePrecision: 'day' }, '2024-02-30'],
    [{ date: 'sometime in 2024' }, 'sometime in 2024'],
    [{ date: '2024-05-16', dateEnd: '2024-05-99' }, '2024-05-16 – 2024-05-99'],
    [{ date: '2024-05-16', dateEnd: '2024-05-01', datePrecision: 'day' }, '2024-05-16 – 2024-05-01'],
    [{ date: 20240516 }, '20240516'],
  ])('when the data is not a real date or period (%j), it is shown as written: "%s"', (fields, text) => {
    expect(formatDate(fields)).toBe(text);
  });
});
