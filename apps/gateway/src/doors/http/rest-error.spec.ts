import { DomainError, ErrorCodes } from '@tminus/contracts';
import { httpStatusOf, toRestError } from './rest-error';

describe('REST errors', () => {
  it.each([
    [ErrorCodes.UNAUTHENTICATED, 401],
    [ErrorCodes.FORBIDDEN, 403],
    [ErrorCodes.BAD_USER_INPUT, 400],
    [ErrorCodes.LAUNCH_NOT_FOUND, 404],
    [ErrorCodes.NOT_FOUND, 404],
    [ErrorCodes.PAYLOAD_TOO_LARGE, 413],
    [ErrorCodes.GATE_INVALID_POLICY, 422],
    [ErrorCodes.INTERNAL, 500],
    ['SOMETHING_NEW', 500],
  ])('%s is HTTP %p', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('keeps the code and message of a domain error', () => {
    expect(toRestError(new DomainError(ErrorCodes.LAUNCH_NOT_FOUND, 'No launch x'))).toEqual({
      status: 404,
      body: { error: { code: 'LAUNCH.NOT_FOUND', message: 'No launch x' } },
      internal: false,
    });
  });

  it('hides the message of anything else', () => {
    const mapped = toRestError(new Error('password=secret'));
    expect(mapped.status).toBe(500);
    expect(mapped.internal).toBe(true);
    expect(mapped.body.error.code).toBe('INTERNAL');
    expect(mapped.body.error.message).not.toContain('secret');
  });
});
