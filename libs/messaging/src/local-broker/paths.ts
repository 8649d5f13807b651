/**
 * Where the local infrastructure lives. Everything generated goes under `<repo>/.infra` (git-ignored),
 * everything hand-written under `deploy/local`, so `rm -rf .infra` is a complete reset.
 */
import { join, resolve } from 'node:path';

/** libs/messaging/src/local-broker/ → repository root; independent of the caller's working directory. */
const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

export interface InfraPaths {
  readonly root: string;
  readonly infraDir: string;
  readonly logsDir: string;
  readonly kafka: {
    /** Hand-written inputs, versioned in git. */
    readonly pom: string;
    readonly log4jConfig: string;
    /** Generated state. */
    readonly dir: string;
    readonly libsDir: string;
    readonly pomHashFile: string;
    readonly dataDir: string;
    readonly metaProperties: string;
    readonly serverProperties: string;
    readonly pidFile: string;
    /** The JVM's stdout/stderr: WARN+ log lines and anything printed before log4j starts. */
    readonly stdoutLog: string;
    /** log4j's INFO log (see deploy/local/kafka/log4j2.properties). */
    readonly serverLog: string;
  };
}

export function infraPaths(root: string = REPO_ROOT): InfraPaths {
  const infraDir = join(root, '.infra');
  const logsDir = join(infraDir, 'logs');
  const kafkaDir = join(infraDir, 'kafka');
  const libsDir = join(kafkaDir, 'libs');
  const dataDir = join(kafkaDir, 'data');
  return {
    root,
    infraDir,
    logsDir,
    kafka: {
      pom: join(root, 'deploy', 'local', 'kafka', 'pom.xml'),
      log4jConfig: join(root, 'deploy', 'local', 'kafka', 'log4j2.properties'),
      dir: kafkaDir,
      libsDir,
      pomHashFile: join(libsDir, '.pom.sha256'),
      dataDir,
      metaProperties: join(dataDir, 'meta.properties'),
      serverProperties: join(kafkaDir, 'server.properties'),
      pidFile: join(kafkaDir, 'kafka.pid'),
      stdoutLog: join(logsDir, 'kafka.out'),
      serverLog: join(logsDir, 'server.log'),
    },
  };
}
