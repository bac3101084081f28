// The neighbourhood's date filter treats each relationship as the interval its precision implies.
import request from 'supertest';
import type { GraphResponse } from '../../common/api.ts';
import { inDateRange } from '../../common/dates/date-interval.ts';
import { relationsOf } from '../support/curated.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();

const edgeIds = async (query: string) =>
  (
    (await request(h.app).get(`/api/graph/neighborhood?${query}&limit=2000`).expect(200)).body as GraphResponse
  ).elements.edges
    .map((edge) => edge.data.id)
    .sort();

describe('GET /api/graph/neighborhood with from and to', () => {
  it.each([
    ['country:RUS', '2022-12-31', '2022-12-31'],
    ['country:RUS', '2022-01-01', '2022-01-01'],
    ['country:RUS', '2023-01-01', '2023-12-31'],
    ['country:CHN', '2024-07-31', '2024-07-31'],
    ['country:CHN', '2024-08-01', '2024-08-31'],
    ['person:li-qiang', '2024-08-31', '2024-09-30'],
    ['person:sergei-lavrov', '2025-07-31', '2025-07-31'],
    ['person:sergei-lavrov', '2025-08-01', '2025-12-31'],
    ['country:UKR', '2024-05-01', '2024-05-01'],
    ['country:UKR', '2024-04-30', '2024-04-30'],
  ])(
    'when %s is asked for %s..%s, the relationships are those whose implied interval overlaps',
    async (id, from, to) => {
      const expected = relationsOf(id)
        .filter((relation) => inDateRange(relation, { from, to }))
        .map((relation) => relation.id)
        .sort();
      expect(await edgeIds(`ids=${id}&from=${from}&to=${to}`)).toEqual(expected);
    },
  );

  it('when the range is the last day of 2022, the year-precision invasion is in it', async () => {
    expect(await edgeIds('ids=country:RUS&from=2022-12-31&to=2022-12-31')).toContain('rel:rus-invaded-ukr-2022-02-24');
  });

  it('when the range is the last day of July 2024, the Jan–Jul 2024 trade (month precision) is in it', async () => {
    expect(await edgeIds('ids=country:CHN&types=TRADES_WITH&from=2024-07-31&to=2024-07-31')).toEqual([
      'rel:chn-trades-with-rus-2024-01-01',
    ]);
  });

  it('when the range starts the day after a month-precision date’s month, that relationship is out', async () => {
    const ids = await edgeIds('ids=person:li-qiang&types=VISITED&from=2024-09-01');
    expect(ids).not.toContain('rel:li-qiang-visited-blr-2024-08-22');
  });
});
