import { loadGatewayConfig } from './gateway-config';

const BASE = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tminus_gateway',
  KAFKA_BROKERS: '127.0.0.1:19092',
};

describe('gateway configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadGatewayConfig({ ...BASE, GATEWAY_INSTANCE_ID: 'gw-1' });
    expect(config).toMatchObject({
      PORT: 4000,
      KAFKA_BROKERS: ['127.0.0.1:19092'],
      TMINUS_DATA_DIR: './data',
      GATEWAY_INSTANCE_ID: 'gw-1',
      COMMAND_TIMEOUT_MS: 10_000,
      RATE_LIMIT_PER_MINUTE: 6_000,
      LOG_LEVEL: 'info',
    });
    expect(config.TMINUS_ADMIN_TOKEN).toBeUndefined();
  });

  it('lists every problem in one message', () => {
    expect(() =>
      loadGatewayConfig({ PORT: 'eighty', COMMAND_TIMEOUT_MS: '-1', TMINUS_ADMIN_TOKEN: 'short' }),
    ).toThrow(
      new RegExp(
        [
          'KAFKA_BROKERS is required',
          'DATABASE_URL is required',
          'PORT must be a number',
          'TMINUS_ADMIN_TOKEN must be at least 24 characters',
          'COMMAND_TIMEOUT_MS must be a positive whole number',
        ].join('(.|\\n)*'),
      ),
    );
  });

  it('reads broker lists and trims the instance id', () => {
    const config = loadGatewayConfig({
      ...BASE,
      KAFKA_BROKERS: ' a:1, b:2 ,',
      GATEWAY_INSTANCE_ID: ' gw-2 ',
    });
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.GATEWAY_INSTANCE_ID).toBe('gw-2');
  });
});
