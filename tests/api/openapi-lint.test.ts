// The OpenAPI document linted by Redocly's OpenAPI linter with its recommended rules, and the parts
// clients rely on: security, the refusals each route can give, response headers, one of ids | query.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import request from 'supertest';
import { openApiDocument } from '../../server/api/openapi.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();

async function lint(document: object) {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
  return problems.map(
    (problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer})`,
  );
}

const served = async () => (await request(h.app).get('/api/openapi.json').expect(200)).body;

type Operation = { operationId?: string; responses: Record<string, { headers?: Record<string, unknown> }> };
const documentedOperations = Object.entries(
  (openApiDocument() as { paths: Record<string, Record<string, Operation>> }).paths,
).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
);

describe('the OpenAPI document under Redocly recommended rules', () => {
  it('when linted, it has no errors, and no warning but the missing licence (the project declares none)', async () => {
    const problems = await lint(await served());
    expect(problems.filter((problem) => !problem.startsWith('warn info-license'))).toEqual([]);
  });

  it('when a document lacks security, the linter says so (a clean result means something)', async () => {
    const { security: _security, ...insecure } = await served();
    expect(await lint(insecure)).toEqual(expect.arrayContaining([expect.stringMatching(/^error security-defined/)]));
  });

  it('when API_TOKEN may be set, the document names the bearer scheme and lets every operation use it', async () => {
    const doc = await served();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }, {}]);
  });

  it.each(documentedOperations)('when API_TOKEN may be set, $name declares 401', ({ operation }) => {
    expect(operation.responses['401']).toBeDefined();
  });

  it.each(documentedOperations)('when $name is documented, its operationId is a camelCase name', ({ operation }) => {
    expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
  });

  it.each(['/api/cypher', '/api/export'])(
    'when POST %s runs ad-hoc Cypher, it declares 413, 429 with Retry-After and 503',
    async (path) => {
      const operation = (await served()).paths[path].post;
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['413', '429', '503']));
      expect(operation.responses['429'].headers['Retry-After']).toBeDefined();
    },
  );

  it('when an export answers, its headers are declared and its body takes ids or query, not both', async () => {
    const doc = await served();
    const post = doc.paths['/api/export'].post;
    expect(Object.keys(post.responses['200'].headers)).toEqual(['Content-Disposition', 'X-Rows-Capped']);
    expect(Object.keys(doc.paths['/api/export'].get.responses['200'].headers)).toEqual(['Content-Disposition']);
    const body = post.requestBody.content['application/json'].schema;
    expect(body.oneOf).toEqual([{ required: ['ids'] }, { required: ['query'] }]);
    expect(body.properties.includeSources.type).toBe('boolean');
  });

  it('when a parameter is a date, it says so', async () => {
    const doc = await served();
    const from = doc.paths['/api/graph/neighborhood'].get.parameters.find((p: { name: string }) => p.name === 'from');
    expect(from.schema).toMatchObject({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  });
});
