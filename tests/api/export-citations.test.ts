// The citations export: per relationship in the export, its quote and its source.
import request from 'supertest';
import { formatDate } from '../../common/dates/format-date.ts';
import { curated, relationsOf } from '../support/curated.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();

const ids = ['country:RUS', 'country:CHN'];
const among = curated.relations.filter((r) => ids.includes(r.source) && ids.includes(r.target));

describe('export as citations', () => {
  it('when node ids are exported, it is a Markdown file with a citation per relationship among them', async () => {
    const res = await request(h.app).post('/api/export').send({ format: 'citations', ids }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?kg-export-[0-9-]+\.md"?$/);
    expect(res.text.match(/^## /gm)).toHaveLength(among.length);
    for (const relation of among) {
      for (const line of relation.quote.split('\n')) expect(res.text, relation.id).toContain(`> ${line.trim()}`);
    }
  });

  it('when a relationship is cited, its source’s title, publisher and date follow its quote', async () => {
    const res = await request(h.app).post('/api/export').send({ format: 'citations', ids }).expect(200);
    const trade = among.find((r) => r.id === 'rel:chn-trades-with-rus-2024-01-01')!;
    const source = curated.sources.find((s) => s.id === trade.sources[0])!;
    const at = res.text.indexOf(trade.quote);
    expect(res.text.indexOf('## Jan–Jul 2024 — China → Russia (TRADES_WITH)')).toBeLessThan(at);
    expect(res.text.slice(at)).toMatch(
      new RegExp(
        `^[^#]*Quoted from: ${source.publisher}, “${source.title}”, ${formatDate({ date: source.published })}\\.`,
      ),
    );
  });

  it('when the export is asked for by GET, it is the same file', async () => {
    const post = await request(h.app).post('/api/export').send({ format: 'citations', ids }).expect(200);
    const get = await request(h.app)
      .get(`/api/export?format=citations&ids=${ids.join(',')}`)
      .expect(200);
    expect(get.text).toBe(post.text);
  });

  it('when the export is a node’s neighbourhood, every cited source of it appears by title', async () => {
    const relations = relationsOf('person:li-qiang');
    const nodes = [...new Set(relations.flatMap((r) => [r.source, r.target]))];
    const res = await request(h.app).post('/api/export').send({ format: 'citations', ids: nodes }).expect(200);
    for (const id of new Set(relations.flatMap((r) => r.sources))) {
      expect(res.text).toContain(`“${curated.sources.find((s) => s.id === id)!.title}”`);
    }
  });
});
