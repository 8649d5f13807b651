/**
 * Peer: raw `pg` single-row commits (one INSERT per autocommitted statement) from a pool, on a
 * throwaway database — what PostgreSQL on this machine commits per second without any of our code.
 */
import { Pool } from 'pg';
import { createTestDatabase } from '@tminus/testing';
import type { Throughput } from '../verdict';

const round = (ms: number): number => Math.round(ms * 100) / 100;
const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function measurePgCommits(connections: number, seconds: number): Promise<Throughput> {
  const database = await createTestDatabase('bench_load_pg');
  const pool = new Pool({ connectionString: database.url, max: connections });
  // An idle client dropped by the server (a restart elsewhere on the machine) must not end the run;
  // a failing query is counted as an error below.
  pool.on('error', () => undefined);
  try {
    await pool.query('CREATE TABLE commits (id bigserial PRIMARY KEY, body text NOT NULL)');
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await pool.query('INSERT INTO commits (body) VALUES ($1)', ['{"type":"ChecklistItemTicked"}']);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    const wall = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      label: 'raw pg single-row commits',
      perSecond: latencies.length / wall,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      requests: latencies.length,
      errors,
    };
  } finally {
    await pool.end();
    await database.drop();
  }
}
