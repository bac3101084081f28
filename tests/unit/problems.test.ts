import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError, problem } from '../../server/api/problems.ts';
import { parse } from '../../server/api/validate.ts';

describe('problem', () => {
  it.each([
    [400, 'Bad Request', 'about:blank#bad-request'],
    [404, 'Not Found', 'about:blank#not-found'],
    [413, 'Content Too Large', 'about:blank#content-too-large'],
    [418, 'Error', 'about:blank#error'],
  ])('when the status is %i, the title is %j and the type %j', (status, title, type) => {
    expect(problem(status, 'what to fix')).toEqual({ type, title, status, detail: 'what to fix' });
  });

  it('when a title is given, it names the type', () => {
    expect(problem(403, 'no writes', { title: 'Write refused' })).toMatchObject({
      type: 'about:blank#write-refused',
      title: 'Write refused',
    });
  });

  it('when extra members are given, they are in the problem', () => {
    expect(problem(400, 'd', { errors: [{ field: 'q', message: 'm' }] })).toMatchObject({
      errors: [{ field: 'q', message: 'm' }],
    });
  });
});

describe('parse', () => {
  const schema = z.strictObject({ q: z.string().min(1), page: z.object({ size: z.number() }).optional() });
  const fieldsOf = (value: unknown) => {
    try {
      parse(schema, value);
    } catch (error) {
      if (error instanceof ValidationError) return error.errors;
      throw error;
    }
    return [];
  };

  it('when the value fits, the parsed value comes back', () => {
    expect(parse(schema, { q: 'x' })).toEqual({ q: 'x' });
  });

  it('when the value is undefined, it is parsed as an empty object', () => {
    expect(parse(z.object({ q: z.string().default('d') }), undefined)).toEqual({ q: 'd' });
  });

  it('when a field is wrong, the error names it', () => {
    expect(fieldsOf({ q: '' }).map((error) => error.field)).toEqual(['q']);
  });

  it('when a nested field is wrong, the error names its dotted path', () => {
    expect(fieldsOf({ q: 'x', page: { size: 'big' } }).map((error) => error.field)).toEqual(['page.size']);
  });

  it('when fields are unknown, the error names them as unknown fields', () => {
    expect(fieldsOf({ q: 'x', a: 1, b: 2 })).toEqual([{ field: 'a, b', message: 'unknown field' }]);
  });

  it('when the whole request is wrong, the error names the request', () => {
    expect(fieldsOf('text').map((error) => error.field)).toEqual(['(request)']);
  });

  it('when it fails, the message lists each field and why', () => {
    expect(() => parse(schema, { q: '', extra: 1 })).toThrow(/q: .*; extra: unknown field/);
  });
});
