import { stopAllRegistered, stopOnAbort } from './cleanup';

describe('bench:load clean-up on abort', () => {
  it('stops what is still registered, once, and skips what was stopped normally', async () => {
    const stopped: string[] = [];
    stopOnAbort(async () => void stopped.push('stack'));
    const unregister = stopOnAbort(async () => void stopped.push('peer'));
    unregister();
    stopOnAbort(async () => {
      throw new Error('already gone');
    });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await stopAllRegistered();
    await stopAllRegistered();
    expect(stopped).toEqual(['stack']);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });
});
