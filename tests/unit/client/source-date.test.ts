import { describe, expect, it } from 'vitest';
import { publishedText } from '../../../client/src/evidence/source-date.ts';

describe('when a source was published', () => {
  it.each([
    [{ published: '2024-05-16', publishedPrecision: 'day' }, '16 May 2024'],
    [{ published: '2024-05-16' }, '16 May 2024'],
    [{ published: '2024-05-16', publishedPrecision: 'week' }, 'week of 16 May 2024'],
    [{ published: '2024-05-16', publishedPrecision: 'estimate' }, 'about May 2024'],
    [{}, ''],
  ])('when the source says %j, it reads "%s"', (data, text) => {
    expect(publishedText(data)).toBe(text);
  });
});
