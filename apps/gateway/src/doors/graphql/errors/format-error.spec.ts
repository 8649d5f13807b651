import { DomainError } from '@tminus/contracts';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { CommandRejectedError, CommandTimeoutError } from '../../../core/commands/command-outcome';
import { badUserInput, forbidden } from '../../../core/errors/gateway-error';
import { QueryLimitError } from '../protection/query-limits';
import { createErrorFormatter } from './format-error';

/** What graphql-js makes of an error thrown by a resolver at `path`. */
const fromResolver = (error: Error): GraphQLError =>
  new GraphQLError(error.message, { path: ['tickItem'], originalError: error });

const format = (error: GraphQLError, lines: string[] = []) =>
  createErrorFormatter(pino({ level: 'error' }, { write: (line: string) => void lines.push(line) }))(
    error.toJSON() as GraphQLFormattedError,
    error,
  );

describe('GraphQL error formatting', () => {
  it('keeps a rule violation code', () => {
    const formatted = format(fromResolver(new DomainError('CHECKLIST.ITEM_ALREADY_DONE', 'already done')));
    expect(formatted).toEqual({
      message: 'already done',
      path: ['tickItem'],
      extensions: { code: 'CHECKLIST.ITEM_ALREADY_DONE' },
    });
  });

  it('carries the command id of a rejection and of a timeout', () => {
    expect(
      format(fromResolver(new CommandRejectedError('TEAM.KEY_TAKEN', 'taken', 'cmd-1'))).extensions,
    ).toEqual({
      code: 'TEAM.KEY_TAKEN',
      commandId: 'cmd-1',
    });
    expect(format(fromResolver(new CommandTimeoutError('cmd-2', 10_000))).extensions).toEqual({
      code: 'COMMAND_TIMEOUT',
      commandId: 'cmd-2',
    });
  });

  it('gives input errors their field and issues, auth errors their code', () => {
    const input = format(fromResolver(badUserInput([{ field: 'input.key', message: 'must be a slug' }])));
    expect(input.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.key',
      issues: [{ field: 'input.key', message: 'must be a slug' }],
    });
    expect(format(fromResolver(forbidden('no'))).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('restores the code of a query limit that Apollo reported as a validation failure', () => {
    const limit = new QueryLimitError('QUERY_TOO_DEEP', 'too deep');
    const wrapped = new GraphQLError(limit.message, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      originalError: limit,
    });
    expect(format(wrapped)).toEqual({ message: 'too deep', extensions: { code: 'QUERY_TOO_DEEP' } });
  });

  it('keeps request-level codes', () => {
    const parse = new GraphQLError('Syntax Error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(format(parse).extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('turns anything unexpected into INTERNAL, logging it but never showing it', () => {
    const lines: string[] = [];
    const formatted = format(fromResolver(new Error('connection to 10.0.0.7:5432 refused')), lines);
    expect(formatted.extensions?.code).toBe('INTERNAL');
    expect(formatted.message).not.toContain('10.0.0.7');
    expect(formatted.message).toContain(String(formatted.extensions?.errorId));
    expect(lines.join('')).toContain('10.0.0.7');
  });
});
