import { describe, expect, it } from 'vitest';
import { classifyError } from '../../server/cypher-console/classify-error.ts';
import {
  QueryConflictError,
  QueryError,
  QueryTimeoutError,
  WriteRefusedError,
} from '../../server/cypher-console/types.ts';

const engineError = (gqlStatus: string, message = 'Query error: GRAFEO-Q001: syntax error: at 1:5') =>
  Object.assign(new Error(message), { gqlStatus });

describe('classifyError', () => {
  it.each([
    ['42001', QueryError], // syntax error
    ['42002', QueryError], // unknown function, missing parameter
    ['22012', QueryError], // division by zero
    ['22G02', QueryError], // negative LIMIT
    ['G1001', QueryError], // deleting a node that has relationships
    ['G2000', QueryError], // graph type violation
    ['25G03', WriteRefusedError], // a write in a read-only transaction
    ['40001', QueryConflictError], // serialization failure: rolled back
  ])("when the engine reports GQLSTATUS %s, it is the query's fault: %o", (status, kind) => {
    expect(classifyError(engineError(status))).toBeInstanceOf(kind);
  });

  it.each(['08000', '50N42', '51N00', undefined])(
    'when the status is %s, the error stays unexpected (500)',
    (status) => {
      const error = Object.assign(new Error('disk on fire'), { gqlStatus: status });
      expect(classifyError(error)).toBe(error);
    },
  );

  it('when the engine prefixes its message with its own code, the prefix is dropped', () => {
    expect(classifyError(engineError('42001')).message).toBe('syntax error: at 1:5');
  });

  it.each([
    ['Neo.ClientError.Statement.AccessMode', WriteRefusedError],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', QueryTimeoutError],
    ['Neo.ClientError.Statement.SyntaxError', QueryError],
  ])('when Neo4j reports %s, it maps to %o', (code, kind) => {
    expect(classifyError(Object.assign(new Error('x'), { code }))).toBeInstanceOf(kind);
  });
});
