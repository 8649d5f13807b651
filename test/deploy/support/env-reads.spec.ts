import { envReadsOf, mergeReads } from './env-reads';

describe('envReadsOf', () => {
  it('finds process.env reads in every form, as optional', () => {
    const source = `
      const a = process.env.KAFKA_BROKERS;
      const b = process.env['LOG_LEVEL'];
      const { PORT, DATABASE_URL: url } = process.env;
      const lower = process.env.npm_config_cache;
    `;
    expect(envReadsOf(source)).toEqual([
      { name: 'DATABASE_URL', required: false },
      { name: 'KAFKA_BROKERS', required: false },
      { name: 'LOG_LEVEL', required: false },
      { name: 'PORT', required: false },
    ]);
  });

  it('finds reads on a parameter named env', () => {
    expect(
      envReadsOf('function load(env: NodeJS.ProcessEnv) { return env.TMINUS_DATA_DIR ?? env["X_Y"]; }'),
    ).toEqual([
      { name: 'TMINUS_DATA_DIR', required: false },
      { name: 'X_Y', required: false },
    ]);
  });

  it('takes the keys of a zod env schema, required unless defaulted or optional', () => {
    const source = `
      const brokers = z.string().transform((raw) => raw.split(','));
      const positive = (name: string, fallback: number) => z.string().optional().transform((v) => v ?? fallback);
      const schema = (service: string) => z.object({
        KAFKA_BROKERS: brokers,
        DATABASE_URL: z.string({ error: 'required' }).regex(/^postgres:/),
        PORT: positive('PORT', 4000).refine((port) => port < 65536),
        KAFKA_CLIENT_ID: z.string().trim().min(1).default(\`tminus-\${service}\`),
        LOG_LEVEL: z.enum(['info', 'debug']).default('info'),
        TOKEN: z.string().min(24).optional(),
        'QUOTED_KEY': z.coerce.number(),
      });
    `;
    expect(envReadsOf(source)).toEqual([
      { name: 'DATABASE_URL', required: true },
      { name: 'KAFKA_BROKERS', required: true },
      { name: 'KAFKA_CLIENT_ID', required: false },
      { name: 'LOG_LEVEL', required: false },
      { name: 'PORT', required: false },
      { name: 'QUOTED_KEY', required: true },
      { name: 'TOKEN', required: false },
    ]);
  });

  it('ignores zod objects that are not env schemas (keys not all UPPER_SNAKE)', () => {
    expect(
      envReadsOf('const input = z.object({ ID: z.string(), name: z.string(), env: z.string() });'),
    ).toEqual([]);
  });
});

describe('mergeReads', () => {
  it('keeps one entry per name, required if any read requires it', () => {
    expect(
      mergeReads([
        { name: 'PORT', required: false },
        { name: 'DATABASE_URL', required: false },
        { name: 'DATABASE_URL', required: true },
      ]),
    ).toEqual([
      { name: 'DATABASE_URL', required: true },
      { name: 'PORT', required: false },
    ]);
  });
});
