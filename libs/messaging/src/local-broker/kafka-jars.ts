/**
 * Fetches Apache Kafka's jars from Maven Central (deploy/local/kafka/pom.xml) into .infra/kafka/libs.
 *
 * Maven runs only when the libs directory is missing or the pom changed (its sha256 is stored next to
 * the jars), so every later `infra:up` works offline and skips a JVM start (~2 s on 2 cores).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { InfraPaths } from './paths';
import { runCommand, tailText, type Log } from './process';

export type JarsOutcome = 'cached' | 'fetched';

export async function ensureKafkaJars(paths: InfraPaths, log: Log): Promise<JarsOutcome> {
  const { pom, libsDir, pomHashFile } = paths.kafka;
  const pomHash = sha256(readFileSync(pom));
  const reason = staleReason(paths, pomHash);
  if (reason === undefined) return 'cached';
  log(`Fetching Kafka jars with Maven into ${libsDir} (${reason})...`);
  // Copy into a fresh directory and swap it in: copying over an older set would leave jars of two
  // Kafka versions on one classpath, and an interrupted copy must not look complete.
  const staging = `${libsDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    await copyDependencies(pom, staging);
    if (!hasKafkaJar(staging)) throw new Error(`Maven finished but ${staging} holds no kafka_2.13 jar`);
    writeFileSync(join(staging, basename(pomHashFile)), `${pomHash}\n`);
    rmSync(libsDir, { recursive: true, force: true });
    renameSync(staging, libsDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return 'fetched';
}

async function copyDependencies(pom: string, outputDir: string): Promise<void> {
  const result = await runCommand('mvn', [
    '-B',
    '-q',
    '-Dstyle.color=never',
    '-f',
    pom,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${outputDir}`,
  ]);
  if (result.code !== 0) {
    throw new Error(
      `mvn dependency:copy-dependencies failed (exit ${result.code}). Is Maven Central reachable, or ~/.m2 ` +
        `warm?\n${tailText(result.output, 30)}`,
    );
  }
}

/** Why the jars must be fetched again, or undefined if the cached set matches the pom. */
function staleReason(paths: InfraPaths, pomHash: string): string | undefined {
  const { libsDir, pomHashFile } = paths.kafka;
  if (!hasKafkaJar(libsDir)) return 'no jars yet';
  if (!existsSync(pomHashFile)) return 'no recorded pom hash';
  if (readFileSync(pomHashFile, 'utf8').trim() !== pomHash) return 'pom.xml changed';
  return undefined;
}

const hasKafkaJar = (dir: string): boolean =>
  existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('kafka_2.13-') && f.endsWith('.jar'));

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
