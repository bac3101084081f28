import { describe, expect, it } from 'vitest';
import { binTitle } from '../../../client/src/timeline/bin-title.ts';
import { monthOf } from '../../../client/src/timeline/months.ts';

const may = monthOf('2024-05-01')!;

describe('a month bar’s title', () => {
  it('when the month holds relationships, counts them by exactness and by type', () => {
    const title = binTitle({
      month: may,
      total: 3.1,
      segments: [
        { type: 'MET_WITH', exactness: 'day', weight: 2, ids: ['a', 'b'] },
        { type: 'MET_WITH', exactness: 'month', weight: 1, ids: ['c'] },
        { type: 'SANCTIONS', exactness: 'spread', weight: 0.1, ids: ['d'] },
      ],
    });
    expect(title).toBe(
      'May 2024: 4 relationships (2 to the day, 1 to the month, 1 spread over a year or a period)\nMET_WITH 3 · SANCTIONS 1',
    );
  });

  it('when the month is empty, says none', () => {
    expect(binTitle({ month: may, total: 0, segments: [] })).toBe('May 2024: none');
  });
});
