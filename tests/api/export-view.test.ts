// Exports of a view as seen: the nodes given and only the relationships listed among them.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../common/api.ts';
import { curated } from '../support/curated.ts';
import { fileApp } from '../support/fixtures.ts';

const h = fileApp();

const ids = ['country:RUS', 'country:CHN', 'country:USA'];
const among = curated.relations.filter((r) => ids.includes(r.source) && ids.includes(r.target));
const sanctions = among.filter((r) => r.type === 'SANCTIONS').map((r) => r.id);

const exportJson = async (body: object) =>
  JSON.parse((await request(h.app).post('/api/export').send(body).expect(200)).text) as GraphJson;

describe('POST /api/export with relationshipIds', () => {
  it('when relationshipIds are given, exports the nodes and only those relationships', async () => {
    const body = await exportJson({ format: 'json', ids, relationshipIds: sanctions });
    expect(body.nodes.map((node) => node.id).sort()).toEqual([...ids].sort());
    expect(body.relationships.map((relationship) => relationship.id).sort()).toEqual([...sanctions].sort());
    expect(sanctions.length).toBeLessThan(among.length);
  });

  it('when relationshipIds is empty, exports the nodes alone', async () => {
    const body = await exportJson({ format: 'json', ids, relationshipIds: [] });
    expect(body.nodes).toHaveLength(ids.length);
    expect(body.relationships).toEqual([]);
  });

  it('when relationshipIds is left out, exports every relationship among the nodes', async () => {
    const body = await exportJson({ format: 'json', ids });
    expect(body.relationships).toHaveLength(among.length);
  });

  it('when a relationship is not among the nodes, answers 400 naming it', async () => {
    const elsewhere = curated.relations.find((r) => !ids.includes(r.source) || !ids.includes(r.target))!;
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', ids, relationshipIds: [...sanctions, elsewhere.id] })
      .expect(400);
    expect(res.body.errors[0].field).toBe('relationshipIds');
    expect(res.body.detail).toContain(elsewhere.id);
  });

  it('when relationshipIds come with a query, answers 400', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', query: 'MATCH (n) RETURN n', relationshipIds: sanctions })
      .expect(400);
    expect(res.body.errors.map((error: { field: string }) => error.field)).toContain('relationshipIds');
  });
});
