import { describe, expect, it } from 'vitest';
import { asWindow, moveEnd, playStart, stepWindow, windowRange } from '../../../client/src/timeline/playback.ts';
import { monthOf } from '../../../client/src/timeline/months.ts';

const jan = monthOf('2024-01-01')!;
// January to December 2024.
const span = { first: jan, last: jan + 11 };

describe('playback', () => {
  it('when a window is asked for, it runs from the first day of its first month to the last of its last', () => {
    expect(windowRange(jan + 1, 3)).toEqual({ from: '2024-02-01', to: '2024-04-30' });
  });

  it.each([
    [
      { from: '2024-02-01', to: '2024-04-30' },
      { start: jan + 1, width: 3 },
    ],
    [{ from: '2024-02-02', to: '2024-04-30' }, null],
    [{ from: '2024-02-01', to: '2024-04-29' }, null],
    [{ from: '2024-02-01' }, null],
    [{}, null],
  ])('when the range is %j, as a window it is %j', (range, window) => {
    expect(asWindow(range)).toEqual(window);
  });

  it('when the range is a window of the width, a step moves it one month on', () => {
    expect(stepWindow({ from: '2024-02-01', to: '2024-04-30' }, 3, span, 1)).toEqual({
      from: '2024-03-01',
      to: '2024-05-31',
    });
  });

  it('when the range is a window of the width, a step back moves it one month back', () => {
    expect(stepWindow({ from: '2024-02-01', to: '2024-04-30' }, 3, span, -1)).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
    });
  });

  it('when the window ends with the span, there is no step on', () => {
    expect(stepWindow({ from: '2024-10-01', to: '2024-12-31' }, 3, span, 1)).toBeNull();
  });

  it('when the window starts with the span, there is no step back', () => {
    expect(stepWindow({ from: '2024-01-01', to: '2024-03-31' }, 3, span, -1)).toBeNull();
  });

  it('when no range is set, a step on gives the first window', () => {
    expect(stepWindow({}, 3, span, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('when no range is set, a step back gives the last window', () => {
    expect(stepWindow({}, 3, span, -1)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
  });

  it('when the range is not whole months, a step makes a window from the month it starts in', () => {
    expect(stepWindow({ from: '2024-05-16', to: '2024-05-20' }, 3, span, 1)).toEqual({
      from: '2024-05-01',
      to: '2024-07-31',
    });
  });

  it('when the window has another width, a step keeps its start and takes the new width', () => {
    expect(stepWindow({ from: '2024-05-01', to: '2024-05-31' }, 6, span, 1)).toEqual({
      from: '2024-05-01',
      to: '2024-10-31',
    });
  });

  it('when the window is wider than the span, there is one window and no step', () => {
    expect(stepWindow({}, 12, { first: jan, last: jan + 2 }, 1)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(stepWindow({ from: '2024-01-01', to: '2024-12-31' }, 12, { first: jan, last: jan + 2 }, 1)).toBeNull();
  });

  it('when a range lies before the span, a step on brings the window into it', () => {
    expect(stepWindow({ from: '2019-01-01', to: '2019-03-31' }, 3, span, 1)).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
    });
  });

  it('when playing starts from a window inside the span, it continues from there', () => {
    const range = { from: '2024-04-01', to: '2024-06-30' };
    expect(playStart(range, 3, span)).toEqual(range);
  });

  it.each([[{ from: '2024-10-01', to: '2024-12-31' }], [{}], [{ from: '2024-04-01', to: '2024-04-30' }]])(
    'when playing starts from %j, it starts at the first window of the span',
    (range) => {
      expect(playStart(range, 3, span)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    },
  );

  it('when playing steps through the span, it visits every window once and stops', () => {
    const seen: string[] = [];
    let range: { from: string; to: string } | null = playStart({}, 3, span);
    while (range) {
      seen.push(range.from);
      range = stepWindow(range, 3, span, 1);
    }
    expect(seen).toHaveLength(10);
    expect(seen.at(-1)).toBe('2024-10-01');
  });

  it.each([
    [{ from: '2024-02-01', to: '2024-04-30' }, 1, { from: '2024-02-01', to: '2024-05-31' }],
    [{ from: '2024-02-01', to: '2024-04-30' }, -1, { from: '2024-02-01', to: '2024-03-31' }],
    [{ from: '2024-02-16', to: '2024-04-10' }, 1, { from: '2024-02-01', to: '2024-05-31' }],
    [{}, -1, { from: '2024-01-01', to: '2024-11-30' }],
    [{ from: '2024-03-01' }, -1, { from: '2024-03-01', to: '2024-11-30' }],
    [{ from: '2024-02-01', to: '2024-02-29' }, -1, null],
    [{ from: '2024-02-01', to: '2024-12-31' }, 1, null],
    [{}, 1, null],
  ] as const)('when the end of %j moves by %i month, the range is %j', (range, direction, moved) => {
    expect(moveEnd(range, span, direction)).toEqual(moved);
  });
});
