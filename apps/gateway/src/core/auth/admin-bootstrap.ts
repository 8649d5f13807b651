import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { TokenService } from './token-service';

export const ADMIN_TOKEN_FILE = 'admin.token';

export interface AdminBootstrapOptions {
  readonly tokens: TokenService;
  readonly dataDir: string;
  /** TMINUS_ADMIN_TOKEN: when set, it is the ADMIN token and nothing is generated. */
  readonly adminToken?: string;
  readonly logger: Logger;
}

/**
 * A fresh installation gets one ADMIN token, written to `<data dir>/admin.token` (mode 0600) and
 * announced by its path: the token itself never reaches a log. Returns the file's path when it wrote one.
 */
export async function bootstrapAdminToken(options: AdminBootstrapOptions): Promise<string | null> {
  const { logger } = options;
  if (options.adminToken) {
    logger.info('TMINUS_ADMIN_TOKEN is set: it is accepted as an ADMIN token');
    return null;
  }
  const issued = await options.tokens.issueFirstAdmin({
    name: 'bootstrap admin',
    userId: 'admin',
    createdBy: 'system',
  });
  if (issued === null) return null;
  const file = resolve(join(options.dataDir, ADMIN_TOKEN_FILE));
  await writeSecretFile(file, `${issued.secret}\n`);
  logger.warn(
    { path: file, tokenId: issued.token.id },
    'generated the first ADMIN token; read it from this file',
  );
  return file;
}

/** Written under a temporary name with mode 0600 and renamed, so nobody ever reads a partial or open file. */
async function writeSecretFile(file: string, content: string): Promise<void> {
  await mkdir(resolve(file, '..'), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}
