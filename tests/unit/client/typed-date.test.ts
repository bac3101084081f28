import { describe, expect, it } from 'vitest';
import { formatBound, parseTyped } from '../../../client/src/timeline/typed-date.ts';
import { rangeText } from '../../../client/src/timeline/range-text.ts';

describe('typed dates', () => {
  it.each([
    ['2024', 'from', '2024-01-01'],
    ['2024', 'to', '2024-12-31'],
    ['2024-02', 'to', '2024-02-29'],
    ['2024-2', 'from', '2024-02-01'],
    ['May 2024', 'from', '2024-05-01'],
    ['may 2024', 'to', '2024-05-31'],
    ['September 2023', 'to', '2023-09-30'],
    ['Sept. 2023', 'from', '2023-09-01'],
    ['16 May 2024', 'to', '2024-05-16'],
    ['May 16, 2024', 'from', '2024-05-16'],
    ['2024-05-16', 'from', '2024-05-16'],
    ['  16   May   2024 ', 'from', '2024-05-16'],
  ] as const)('when "%s" is typed as the %s bound, it is %s', (text, side, iso) => {
    expect(parseTyped(text, side)).toEqual({ ok: true, iso });
  });

  it('when nothing is typed, the bound is open', () => {
    expect(parseTyped('  ', 'from')).toEqual({ ok: true, iso: undefined });
  });

  it.each([
    ['2024-02-30', 'Feb 2024 has no day 30'],
    ['31 Apr 2024', 'Apr 2024 has no day 31'],
    ['2024-13', 'no month 13'],
    ['Mai 2024', '"Mai" is not a month'],
    ['Ma 2024', '"Ma" is not a month'],
    ['next week', 'write a date such as 2024, May 2024, 16 May 2024 or 2024-05-16'],
    ['24', 'write a date such as 2024, May 2024, 16 May 2024 or 2024-05-16'],
  ])('when "%s" is typed, it is refused: %s', (text, message) => {
    expect(parseTyped(text, 'from')).toEqual({ ok: false, message });
  });

  it.each([
    ['2024-01-01', 'from', '2024'],
    ['2024-12-31', 'to', '2024'],
    ['2024-05-01', 'from', 'May 2024'],
    ['2024-02-29', 'to', 'Feb 2024'],
    ['2024-05-16', 'from', '16 May 2024'],
    ['2024-05-01', 'to', '1 May 2024'],
    ['2024-12-31', 'from', '31 Dec 2024'],
  ] as const)('when the %s bound is %s, it is shown as "%s"', (iso, side, text) => {
    expect(formatBound(iso, side)).toBe(text);
  });

  it.each(['2024-01-01', '2024-03-01', '2024-03-31', '2023-02-28', '2024-12-31', '2024-07-15'])(
    'when %s is shown and read back, it is the same day on either side',
    (iso) => {
      for (const side of ['from', 'to'] as const)
        expect(parseTyped(formatBound(iso, side), side)).toEqual({ ok: true, iso });
    },
  );
});

describe('a range in words', () => {
  it.each([
    [{}, 'all dates'],
    [{ from: '2024-01-01', to: '2024-12-31' }, '2024'],
    [{ from: '2022-01-01', to: '2023-12-31' }, '2022–2023'],
    [{ from: '2024-03-01', to: '2024-05-31' }, 'Mar–May 2024'],
    [{ from: '2024-05-01', to: '2024-05-31' }, 'May 2024'],
    [{ from: '2024-05-01', to: '2024-05-15' }, '1–15 May 2024'],
    [{ from: '2024-05-01' }, 'from May 2024'],
    [{ to: '2023-12-31' }, 'up to 2023'],
  ])('when the range is %j, it reads "%s"', (range, text) => {
    expect(rangeText(range)).toBe(text);
  });
});
